"""PyTorch SDPA side of the Kittens attention benchmark (bench/Kittens.Bench).

Usage: python3 bench/sdpa_compare.py FOLDER --batch B --heads H --seq N --dim D [--causal]
                                     [--iters 30] [--warmup 10]

Reads FOLDER/q.bin, k.bin, v.bin (raw little-endian bfloat16, shape (B, H, N, D), row-major),
times torch.nn.functional.scaled_dot_product_attention with the flash and the cuDNN backends
(torch.nn.attention.sdpa_kernel; CUDA events around each call, median of --iters calls after
--warmup calls), writes the output of the cuDNN backend (the flash one if cuDNN failed) to
FOLDER/o_ref.bin in the same raw format, and prints one JSON line:
  {"flash_ms": 1.23, "cudnn_ms": 1.01, "reference": "cudnn", "flash_error": null, "cudnn_error": null,
   "torch": "2.x", "device": "NVIDIA H100 ..."}
A backend that cannot run the shape reports null milliseconds and its error message.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel

BACKENDS = {"flash": SDPBackend.FLASH_ATTENTION, "cudnn": SDPBackend.CUDNN_ATTENTION}


def load(path, shape):
    raw = np.fromfile(path, dtype="<i2")
    expected = int(np.prod(shape))
    if raw.size != expected:
        raise SystemExit(f"{path}: {raw.size} values, expected {expected} for shape {shape}")
    return torch.from_numpy(raw).view(torch.bfloat16).reshape(shape).cuda()


def save(path, tensor):
    tensor.contiguous().view(torch.int16).cpu().numpy().astype("<i2").tofile(path)


def time_backend(backend, q, k, v, causal, iters, warmup):
    with sdpa_kernel([BACKENDS[backend]]):
        out = None
        for _ in range(warmup):
            out = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
        torch.cuda.synchronize()
        times = []
        for _ in range(iters):
            start = torch.cuda.Event(enable_timing=True)
            stop = torch.cuda.Event(enable_timing=True)
            start.record()
            out = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
            stop.record()
            stop.synchronize()
            times.append(start.elapsed_time(stop))
    times.sort()
    return times[len(times) // 2], out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--heads", type=int, required=True)
    p.add_argument("--seq", type=int, required=True)
    p.add_argument("--dim", type=int, required=True)
    p.add_argument("--causal", action="store_true")
    p.add_argument("--iters", type=int, default=30)
    p.add_argument("--warmup", type=int, default=10)
    a = p.parse_args()

    shape = (a.batch, a.heads, a.seq, a.dim)
    q, k, v = (load(os.path.join(a.folder, f"{name}.bin"), shape) for name in ("q", "k", "v"))

    result = {"flash_ms": None, "cudnn_ms": None, "reference": None, "flash_error": None, "cudnn_error": None,
              "torch": torch.__version__, "device": torch.cuda.get_device_name()}
    outputs = {}
    for backend in ("flash", "cudnn"):
        try:
            ms, out = time_backend(backend, q, k, v, a.causal, max(a.iters, 20), max(a.warmup, 1))
            result[f"{backend}_ms"] = ms
            outputs[backend] = out
        except Exception as e:  # a backend that does not take this shape: report it, keep going
            result[f"{backend}_error"] = f"{type(e).__name__}: {e}".splitlines()[0]
    reference = "cudnn" if "cudnn" in outputs else "flash" if "flash" in outputs else None
    if reference is None:
        print(json.dumps(result))
        sys.exit(1)
    save(os.path.join(a.folder, "o_ref.bin"), outputs[reference])
    result["reference"] = reference
    print(json.dumps(result))


if __name__ == "__main__":
    main()

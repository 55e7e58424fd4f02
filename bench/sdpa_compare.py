"""PyTorch SDPA side of the Kittens attention benchmark (bench/Kittens.Bench).

Usage: python3 bench/sdpa_compare.py FOLDER --batch B --heads H --seq N --dim D [--causal] [--warmup 10]

Reads FOLDER/q.bin, k.bin, v.bin (raw little-endian bfloat16, shape (B, H, N, D), row-major),
runs torch.nn.functional.scaled_dot_product_attention with the flash and the cuDNN backends
(torch.nn.attention.sdpa_kernel) --warmup times each, writes the output of the cuDNN backend (the
flash one if cuDNN failed) to FOLDER/o_ref.bin in the same raw format, and prints one JSON line:
  {"backends": ["flash", "cudnn"], "reference": "cudnn", "flash_error": null, "cudnn_error": null,
   "torch": "2.x", "device": "NVIDIA H100 ..."}
A backend that cannot run the shape is left out of "backends" and reports its error message.

Then it times on request, so that the caller can interleave these timings with its own: each
line "time BACKEND COUNT" on stdin is answered by one JSON line, a list of COUNT milliseconds
(CUDA events around each call, after one untimed call that refills the caches the caller's
kernels left). It exits at "quit" or the end of stdin.
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


def time_calls(backend, q, k, v, causal, count):
    times = []
    # The backend is chosen outside the timed calls: entering sdpa_kernel costs host time that
    # would otherwise sit between the start event and the kernel.
    with sdpa_kernel([BACKENDS[backend]]):
        F.scaled_dot_product_attention(q, k, v, is_causal=causal)
        for _ in range(count):
            start = torch.cuda.Event(enable_timing=True)
            stop = torch.cuda.Event(enable_timing=True)
            start.record()
            F.scaled_dot_product_attention(q, k, v, is_causal=causal)
            stop.record()
            stop.synchronize()
            times.append(start.elapsed_time(stop))
    return times


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--heads", type=int, required=True)
    p.add_argument("--seq", type=int, required=True)
    p.add_argument("--dim", type=int, required=True)
    p.add_argument("--causal", action="store_true")
    p.add_argument("--warmup", type=int, default=10)
    a = p.parse_args()

    shape = (a.batch, a.heads, a.seq, a.dim)
    q, k, v = (load(os.path.join(a.folder, f"{name}.bin"), shape) for name in ("q", "k", "v"))

    result = {"backends": [], "reference": None, "flash_error": None, "cudnn_error": None,
              "torch": torch.__version__, "device": torch.cuda.get_device_name()}
    outputs = {}
    for backend in ("flash", "cudnn"):
        try:
            with sdpa_kernel([BACKENDS[backend]]):
                for _ in range(max(a.warmup, 1)):
                    outputs[backend] = F.scaled_dot_product_attention(q, k, v, is_causal=a.causal)
            torch.cuda.synchronize()
            result["backends"].append(backend)
        except Exception as e:  # a backend that does not take this shape: report it, keep going
            outputs.pop(backend, None)
            result[f"{backend}_error"] = f"{type(e).__name__}: {e}".splitlines()[0]
    reference = "cudnn" if "cudnn" in outputs else "flash" if "flash" in outputs else None
    if reference is not None:
        save(os.path.join(a.folder, "o_ref.bin"), outputs[reference])
    result["reference"] = reference
    outputs.clear()
    print(json.dumps(result), flush=True)
    if reference is None:
        sys.exit(1)

    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        if words[0] != "time" or len(words) != 3 or words[1] not in result["backends"]:
            raise SystemExit(f"sdpa_compare.py: cannot do {line.strip()!r}")
        print(json.dumps(time_calls(words[1], q, k, v, a.causal, int(words[2]))), flush=True)


if __name__ == "__main__":
    main()

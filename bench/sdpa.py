"""PyTorch SDPA anchor for the attention benchmarks: times one backend on one shape.

Usage: python3 bench/sdpa.py --backend flash|cudnn --batch 16 --heads 16 --seq 4096 --dim 64 [--causal]
Prints one line: backend, shape, median ms, TFLOP/s (4*B*H*N^2*D / t, halved when causal).
"""
import argparse

import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel

BACKENDS = {"flash": SDPBackend.FLASH_ATTENTION, "cudnn": SDPBackend.CUDNN_ATTENTION}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backend", choices=BACKENDS, default="flash")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--heads", type=int, default=16)
    p.add_argument("--seq", type=int, default=4096)
    p.add_argument("--dim", type=int, default=64)
    p.add_argument("--causal", action="store_true")
    p.add_argument("--iters", type=int, default=30)
    a = p.parse_args()

    shape = (a.batch, a.heads, a.seq, a.dim)
    q, k, v = (torch.randn(shape, device="cuda", dtype=torch.bfloat16) for _ in range(3))
    with sdpa_kernel([BACKENDS[a.backend]]):
        for _ in range(5):
            F.scaled_dot_product_attention(q, k, v, is_causal=a.causal)
        times = []
        for _ in range(a.iters):
            start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            F.scaled_dot_product_attention(q, k, v, is_causal=a.causal)
            stop.record()
            stop.synchronize()
            times.append(start.elapsed_time(stop))
    times.sort()
    ms = times[len(times) // 2]
    flops = 4 * a.batch * a.heads * a.seq * a.seq * a.dim / (2 if a.causal else 1)
    print(f"sdpa-{a.backend} B={a.batch} H={a.heads} N={a.seq} D={a.dim} causal={a.causal}: "
          f"median {ms:.3f} ms over {a.iters} runs; {flops / (ms * 1e-3) / 1e12:.1f} TFLOP/s")


if __name__ == "__main__":
    main()

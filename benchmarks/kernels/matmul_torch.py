#!/usr/bin/env python3
"""PyTorch baseline for benchmarks/kernels/matmul.bench.ts: times torch.matmul on the same
shapes and transposes, on cpu or cuda, and prints one JSON object on stdout.

    python3 matmul_torch.py --device cpu --threads 2 --shapes '[{"name":"qkv","M":1024,"N":2304,"K":768,"transposeA":0,"transposeB":0}]'

Operands are stored as the WGSL kernel stores them (A as (K, M) when transposeA, B as (N, K)
when transposeB) and passed as transposed views, so BLAS sees the same layouts.
"""
import argparse
import json
import os
import platform
import time

import torch


def time_matmul(a, b, device, reps):
    def run():
        return a @ b

    run()  # warm-up (cuBLAS handle, OpenMP pool, allocator)
    if device == "cuda":
        torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        run()
        if device == "cuda":
            torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--shapes", required=True, help="JSON list of {name, M, N, K, transposeA, transposeB}")
    parser.add_argument("--allow-tf32", action="store_true", help="let cuda use TF32 (off: full f32 like the WGSL kernels)")
    args = parser.parse_args()

    torch.manual_seed(0)
    if args.device == "cpu":
        torch.set_num_threads(args.threads)
    else:
        torch.backends.cuda.matmul.allow_tf32 = args.allow_tf32
    results = []
    for shape in json.loads(args.shapes):
        m, n, k = shape["M"], shape["N"], shape["K"]
        a = torch.randn(k, m, device=args.device).t() if shape["transposeA"] else torch.randn(m, k, device=args.device)
        b = torch.randn(n, k, device=args.device).t() if shape["transposeB"] else torch.randn(k, n, device=args.device)
        times = time_matmul(a, b, args.device, args.reps)
        median = times[len(times) // 2]
        results.append({
            "name": shape["name"],
            "msMedian": median,
            "msBest": times[0],
            "gflops": 2.0 * m * n * k / (median * 1e6),
        })
    info = {
        "torch": torch.__version__,
        "device": args.device,
        "threads": torch.get_num_threads() if args.device == "cpu" else None,
        "deviceName": torch.cuda.get_device_name(0) if args.device == "cuda" else platform.processor() or platform.machine(),
        "allowTf32": args.allow_tf32 if args.device == "cuda" else None,
        "results": results,
    }
    print(json.dumps(info))


if __name__ == "__main__":
    main()

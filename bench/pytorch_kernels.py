#!/usr/bin/python3
"""PyTorch's side of the kernel comparison: the same shapes as the JMH benchmarks, one thread.

Run:  bench/pytorch_kernels.py            (sets OPENBLAS_NUM_THREADS=1 / OMP_NUM_THREADS=1 itself)
Prints, per kernel, the median of several timed batches in elements/s (or GFLOP/s for the linear layer).
Needs Debian's python3-torch (apt-get install python3-torch); Debian's torch calls the system OpenBLAS,
which ignores torch.set_num_threads, hence the environment variables before the import.
"""
import os
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
import statistics
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)


def median_seconds(fn, min_time=0.2, repeats=7):
    """Median seconds per call over `repeats` batches, each at least `min_time` long."""
    fn()
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        if time.perf_counter() - t0 >= min_time:
            break
        calls *= 2
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - t0) / calls)
    return statistics.median(samples)


def report(name, elements, seconds, unit="Melem/s", scale=1e6):
    print(f"{name:<34} {elements / seconds / scale:10.1f} {unit}   ({seconds * 1e6:9.2f} us/call)")


print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
with torch.no_grad():
    for rows, cols in [(4096, 10), (1024, 1000), (32, 32768)]:
        x = torch.randn(rows, cols) * 3
        out = torch.empty_like(x)
        report(f"softmax {rows}x{cols}", rows * cols,
               median_seconds(lambda: torch.softmax(x, dim=1, out=out) if False else torch.softmax(x, dim=1)))
        report(f"log_softmax {rows}x{cols}", rows * cols, median_seconds(lambda: torch.log_softmax(x, dim=1)))
    for n in [1000, 100_000, 10_000_000]:
        x = torch.randn(n) * 5
        y = torch.empty_like(x)
        report(f"exp {n}", n, median_seconds(lambda: torch.exp(x, out=y)))
        report(f"sigmoid {n}", n, median_seconds(lambda: torch.sigmoid(x, out=y)))
        report(f"relu (out of place) {n}", n, median_seconds(lambda: torch.relu(x)))
        z = torch.randn(n)
        report(f"relu_ (in place) {n}", n, median_seconds(lambda: torch.relu_(z)))
    for m, k, n in [(64, 784, 128), (64, 784, 256), (64, 128, 64), (64, 64, 10), (1, 784, 128)]:
        x = torch.randn(m, k)
        w = torch.randn(n, k) * 0.05
        b = torch.randn(n) * 0.1
        report(f"relu(linear) {m}x{k}x{n}", 2 * m * n * k,
               median_seconds(lambda: torch.relu(torch.nn.functional.linear(x, w, b))), "GFLOP/s", 1e9)
        report(f"mm alone {m}x{k}x{n}", 2 * m * n * k, median_seconds(lambda: torch.mm(x, w.t())), "GFLOP/s", 1e9)
    for s in [256, 512, 1024]:
        a = torch.randn(s, s)
        b = torch.randn(s, s)
        report(f"mm {s}^3", 2 * s ** 3, median_seconds(lambda: torch.mm(a, b)), "GFLOP/s", 1e9)

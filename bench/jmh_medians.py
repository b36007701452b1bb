#!/usr/bin/python3
"""Prints the median (and min..max) of every benchmark in one or more JMH JSON result files.

  bench/jmh_medians.py results.json [more.json ...]

Elements per second are added where the benchmark's parameters give a size (size, or rows x cols), and
GFLOP/s for the linear layer and gemm (2*m*n*k per operation).
"""
import json
import statistics
import sys


def work(bench, params):
    """(unit, amount per op) for the benchmark, or None."""
    name = bench.rsplit(".", 1)[-1]
    if "size" in params and "Gemm" not in bench:
        return "Melem/s", int(params["size"]) / 1e6
    if "Softmax" in bench:
        rows, cols = map(int, params["matrix"].split("x"))
        return "Melem/s", rows * cols / 1e6
    if name == "linearRelu":
        m, k, n = map(int, params["layer"].split("x"))
        return "GFLOP/s", 2 * m * n * k / 1e9
    if name == "gemm":
        s = int(params["dim"])
        return "GFLOP/s", 2 * s ** 3 / 1e9
    if "Peers" in bench:
        kind, dims = params["problem"].split(":")
        d = list(map(int, dims.split("x")))
        return "GFLOP/s", 2 * (d[0] * d[1] * d[2] if kind in ("linear", "xb") else d[0] ** 3) / 1e9
    return None


for path in sys.argv[1:]:
    print(f"# {path}")
    for b in json.load(open(path)):
        raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        med = statistics.median(raw)
        params = b.get("params", {})
        label = b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1]
        ps = " ".join(f"{k}={v}" for k, v in sorted(params.items()))
        w = work(b["benchmark"], params)
        extra = f"  {med * w[1]:10.1f} {w[0]}" if w else ""
        print(f"{label:<40} {ps:<36} median {med:12.1f} ops/s  [{min(raw):.0f}..{max(raw):.0f}]{extra}")

#!/usr/bin/python3
"""PyTorch's side of the training comparison: the tutorial's 784-128-64-10 ReLU network on Fashion-MNIST.

Run:  bench/pytorch_train.py [--epochs N] [--data /usr/share/datasets/fashion-mnist] [--seed N] [--accuracy-only]
                             [--label-smoothing X]   (default 0.1, as ./tensorlane train; 0 for the tutorial's loss)
One thread (OPENBLAS_NUM_THREADS/OMP_NUM_THREADS set before importing torch: Debian's torch calls the
system OpenBLAS, which ignores torch.set_num_threads). Data is loaded and normalized into tensors first, so
the epoch times are compute only: shuffle, forward, cross-entropy, backward, Adam step, batch 64.
Then inference throughput at batch 64 and 10,000 (median of repeated passes over the test set).
"""
import os
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
import argparse
import gzip
import statistics
import struct
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xff
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, prefix):
    images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz")).reshape(-1, 784)
    labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"))
    x = (torch.from_numpy(images.astype(np.float32)) / 255 - 0.5) / 0.5   # ToTensor + Normalize((0.5,), (0.5,))
    return x, torch.from_numpy(labels.astype(np.int64))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--accuracy-only", action="store_true", help="skip the inference timing")
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    xtr, ytr = load(args.data, "train")
    xte, yte = load(args.data, "t10k")
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {len(xtr)} train, {len(xte)} test,"
          f" label smoothing {args.label_smoothing}")
    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        perm = torch.randperm(len(xtr))
        model.train()
        for i in range(0, len(xtr), 64):
            idx = perm[i:i + 64]
            opt.zero_grad()
            loss = loss_fn(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
        seconds = time.perf_counter() - t0
        with torch.no_grad():
            acc = (model(xte).argmax(1) == yte).float().mean().item()
        print(f"epoch {epoch}: {seconds:.3f} s ({len(xtr) / seconds:.0f} samples/s), test accuracy {acc:.4f}")
    if args.accuracy_only:
        return
    model.eval()
    with torch.no_grad():
        for batch in (64, 10000):
            def one_pass():
                for i in range(0, len(xte), batch):
                    torch.softmax(model(xte[i:i + batch]), dim=1)
            one_pass()
            samples = []
            for _ in range(7):
                t0 = time.perf_counter()
                one_pass()
                samples.append(time.perf_counter() - t0)
            med = statistics.median(samples)
            print(f"inference batch {batch}: {len(xte) / med:.0f} samples/s (median of 7 passes over the test set)")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""PyTorch 1.13 on the embedded MNIST sample with the same split (8000/2000) and recipe as ./tensorlane:
784-128-64-10 ReLU, Adam lr 1e-3, batch 64, 10 epochs, one thread; prints seed, epoch, train loss, test accuracy.
Run from the repository root: bench/pytorch_embedded.py"""
import os
os.environ["OPENBLAS_NUM_THREADS"]="1"; os.environ["OMP_NUM_THREADS"]="1"
import gzip, struct, numpy as np, torch
from torch import nn
torch.set_num_threads(1)
def read(p):
    d = gzip.open(p).read(); m, = struct.unpack(">I", d[:4]); n = m & 0xff
    s = struct.unpack(">"+"I"*n, d[4:4+4*n]); return np.frombuffer(d, np.uint8, offset=4+4*n).reshape(s)
x = read("data/mnist-10k/mnist-10k-images-idx3-ubyte.gz").reshape(-1,784).astype(np.float32)
y = read("data/mnist-10k/mnist-10k-labels-idx1-ubyte.gz").astype(np.int64)
x = torch.from_numpy((x/255-0.5)/0.5); y = torch.from_numpy(y)
xtr, ytr, xte, yte = x[:8000], y[:8000], x[8000:], y[8000:]
for seed in (0, 1):
    torch.manual_seed(seed)
    m = nn.Sequential(nn.Linear(784,128), nn.ReLU(), nn.Linear(128,64), nn.ReLU(), nn.Linear(64,10))
    opt = torch.optim.Adam(m.parameters(), lr=1e-3); lf = nn.CrossEntropyLoss()
    for e in range(10):
        perm = torch.randperm(8000); tot = 0
        for i in range(0, 8000, 64):
            idx = perm[i:i+64]; opt.zero_grad(); l = lf(m(xtr[idx]), ytr[idx]); l.backward(); opt.step(); tot += l.item()*len(idx)
        with torch.no_grad(): acc = (m(xte).argmax(1)==yte).float().mean().item()
        print(seed, e+1, round(tot/8000,4), round(acc,4))

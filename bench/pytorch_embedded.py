#!/usr/bin/python3
"""PyTorch 1.13 on the embedded MNIST sample with the same split (8000/2000) and recipe as ./tensorlane:
784-128-64-10 ReLU, Adam lr 1e-3, batch 64, 10 epochs, one thread, and by default the same extras as
./tensorlane's defaults: deskewed digits and label smoothing 0.1. Prints seed, epoch, train loss, test accuracy.
Run from the repository root: bench/pytorch_embedded.py [--seeds 0,1] [--deskew on|off] [--label-smoothing X]
(--deskew off --label-smoothing 0 is the tutorial's recipe exactly, as ./tensorlane train with the same options)."""
import os
os.environ["OPENBLAS_NUM_THREADS"]="1"; os.environ["OMP_NUM_THREADS"]="1"
import argparse, gzip, struct, numpy as np, torch
from torch import nn
torch.set_num_threads(1)
ap = argparse.ArgumentParser()
ap.add_argument("--seeds", default="0,1")
ap.add_argument("--deskew", choices=("on", "off"), default="on")
ap.add_argument("--label-smoothing", type=float, default=0.1)
args = ap.parse_args()

def read(p):
    d = gzip.open(p).read(); m, = struct.unpack(">I", d[:4]); n = m & 0xff
    s = struct.unpack(">"+"I"*n, d[4:4+4*n]); return np.frombuffer(d, np.uint8, offset=4+4*n).reshape(s)

def deskew(images):
    """As dev.tensorlane.data.Deskew: shear each image along x so that cov(x, y)/var(y) becomes 0, move its
    centroid to the centre, resample bilinearly; intensities in [0, 1], outside the image reads 0."""
    side = images.shape[1]; c = (side - 1) / 2; r = np.arange(side, dtype=np.float64)
    out = np.empty_like(images)
    ys, xs = np.meshgrid(r, r, indexing="ij")
    for i, img in enumerate(images.astype(np.float64)):
        total = img.sum(); mx = my = c; a = 0.0
        if total > 0:
            mx = (img * xs).sum() / total; my = (img * ys).sum() / total
            vy = (img * (ys - my) ** 2).sum(); cxy = (img * (xs - mx) * (ys - my)).sum()
            if vy > 1e-6 * total: a = cxy / vy
        sy = ys + my - c; sx = xs + a * (ys - c) + mx - c
        y0 = np.floor(sy).astype(int); x0 = np.floor(sx).astype(int); fy = sy - y0; fx = sx - x0
        def at(y, x):
            ok = (y >= 0) & (y < side) & (x >= 0) & (x < side)
            return np.where(ok, img[np.clip(y, 0, side - 1), np.clip(x, 0, side - 1)], 0.0)
        out[i] = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))
    return out

x = read("data/mnist-10k/mnist-10k-images-idx3-ubyte.gz").astype(np.float32) / 255   # ToTensor
if args.deskew == "on":
    x = deskew(x)
x = x.reshape(-1, 784)
y = read("data/mnist-10k/mnist-10k-labels-idx1-ubyte.gz").astype(np.int64)
x = torch.from_numpy(((x - 0.5) / 0.5).astype(np.float32)); y = torch.from_numpy(y)   # Normalize((0.5,), (0.5,))
xtr, ytr, xte, yte = x[:8000], y[:8000], x[8000:], y[8000:]
print(f"deskew {args.deskew}, label smoothing {args.label_smoothing}")
for seed in (int(s) for s in args.seeds.split(",")):
    torch.manual_seed(seed)
    m = nn.Sequential(nn.Linear(784,128), nn.ReLU(), nn.Linear(128,64), nn.ReLU(), nn.Linear(64,10))
    opt = torch.optim.Adam(m.parameters(), lr=1e-3); lf = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    for e in range(10):
        perm = torch.randperm(8000); tot = 0
        for i in range(0, 8000, 64):
            idx = perm[i:i+64]; opt.zero_grad(); l = lf(m(xtr[idx]), ytr[idx]); l.backward(); opt.step(); tot += l.item()*len(idx)
        with torch.no_grad(): acc = (m(xte).argmax(1)==yte).float().mean().item()
        print(seed, e+1, round(tot/8000,4), round(acc,4))

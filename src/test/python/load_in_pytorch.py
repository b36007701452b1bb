#!/usr/bin/python3
"""Loads weights exported by `tensorlane export` back into the tutorial's PyTorch modules with load_state_dict,
and prints PyTorch's predictions for the first test digits of the embedded sample (images 8000..), so they can
be compared with `tensorlane predict --idx data/mnist-10k/mnist-10k-images-idx3-ubyte.gz --index 8000 ...`.

    src/test/python/load_in_pytorch.py FILE.npz|FILE.safetensors [COUNT]
"""
import json
import struct
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, "src/test/python")
from pytorch_fixtures import Network, SigmoidNetwork, read_idx  # noqa: E402


def read_safetensors(path):
    with open(path, "rb") as f:
        n, = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        begin, end = t["data_offsets"]
        raw = data[begin:end]
        if t["dtype"] == "BF16":
            tensor = torch.from_numpy(np.frombuffer(raw, "<i2").copy()).view(torch.bfloat16).float()
        else:
            tensor = torch.from_numpy(np.frombuffer(raw, {"F32": "<f4", "F16": "<f2", "F64": "<f8"}[t["dtype"]])
                                      .astype(np.float32))
        out[name] = tensor.reshape(t["shape"])
    return out


def main():
    path, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    if path.endswith(".npz"):
        state = {k: torch.from_numpy(v.astype(np.float32)) for k, v in np.load(path, allow_pickle=False).items()}
    else:
        state = read_safetensors(path)
    names = sorted({k.rsplit(".", 1)[0] for k in state})
    if names == ["hidden", "output"]:
        model = SigmoidNetwork()
    elif names == ["fc1", "fc2", "fc3"]:
        model = Network()
    else:
        model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    model.load_state_dict(state)   # strict: every name and shape must match
    images = read_idx("data/mnist-10k/mnist-10k-images-idx3-ubyte.gz").reshape(-1, 784)[8000:8000 + count]
    x = (torch.from_numpy(images.astype(np.float32)) / 255 - 0.5) / 0.5
    with torch.no_grad():
        p = torch.softmax(model(x), dim=1)
    print(f"{type(model).__name__} loaded {len(state)} tensors from {path}")
    for i, row in enumerate(p):
        print(f"image {8000 + i}: predicted {int(row.argmax())}, p = {float(row.max()):.4f}")


if __name__ == "__main__":
    main()

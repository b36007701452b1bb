#!/usr/bin/python3
"""Writes the PyTorch fixtures that dev.tensorlane.io.PyTorchAgreementTest checks Tensorlane against.

Run from the repository root (Debian: apt-get install python3-torch python3-numpy):
    src/test/python/pytorch_fixtures.py
It trains the tutorial's two networks briefly (one epoch, Adam, batch 64, seed 0) on the first 8,000 digits of
data/mnist-10k, saves their state_dicts the ways a PyTorch user would, and saves PyTorch's logits and softmax
probabilities for the first 300 test digits (images 8000..8299), all under
src/test/resources/dev/tensorlane/io/pytorch/. The tests then need no Python.

  mlp_fc.npz                   784-128-64-10 ReLU nn.Module (fc1, fc2, fc3), np.savez, float32
  mlp_sequential.safetensors   the same weights in an nn.Sequential (0, 2, 4), F32
  mlp_fc_f16.safetensors       fc names, F16
  mlp_fc_bf16.safetensors      fc names, BF16
  sigmoid_hidden_output.npz    784-256-10 sigmoid Network (hidden, output), np.savez_compressed, big-endian float64
  expected.npz                 <variant>_logits and <variant>_probs, [300, 10] float32 each

safetensors files are written from the format's documented layout with numpy (the safetensors package is not
in Debian): an 8-byte little-endian header length, a JSON header padded with spaces to 8 bytes, the raw data.
"""
import os
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
import gzip
import json
import struct

import numpy as np
import torch
from torch import nn

OUT = "src/test/resources/dev/tensorlane/io/pytorch"
FIRST, COUNT = 8000, 300


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xff
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class Network(nn.Module):
    """The tutorial's nn.Module: 784-128-64-10 with ReLU (its softmax is applied outside, on the logits)."""
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


class SigmoidNetwork(nn.Module):
    """The tutorial's first Network: 784-256 sigmoid, then 10 outputs."""
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(torch.sigmoid(self.hidden(x)))


def train(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    perm = torch.randperm(len(x))
    for i in range(0, len(x), 64):
        idx = perm[i:i + 64]
        opt.zero_grad()
        loss_fn(model(x[idx]), y[idx]).backward()
        opt.step()
    return model


def save_safetensors(path, state, dtype):
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in state.items():
        t = t.detach().contiguous()
        if dtype == "F32":
            raw = t.float().numpy().astype("<f4").tobytes()
        elif dtype == "F16":
            raw = t.half().numpy().astype("<f2").tobytes()
        else:  # BF16: numpy has no bfloat16, so take torch's bits
            raw = t.to(torch.bfloat16).view(torch.int16).numpy().astype("<i2").tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def outputs(model, x):
    with torch.no_grad():
        logits = model(x)
    return logits.numpy().astype(np.float32), torch.softmax(logits, dim=1).numpy().astype(np.float32)


def rounded(model, dtype):
    """A copy of the model whose weights went through dtype and back to float32, as Tensorlane reads them."""
    copy = type(model)()
    copy.load_state_dict({k: v.to(dtype).float() for k, v in model.state_dict().items()})
    return copy


def main():
    torch.manual_seed(0)
    images = read_idx("data/mnist-10k/mnist-10k-images-idx3-ubyte.gz").reshape(-1, 784)
    labels = read_idx("data/mnist-10k/mnist-10k-labels-idx1-ubyte.gz")
    x = (torch.from_numpy(images.astype(np.float32)) / 255 - 0.5) / 0.5   # ToTensor + Normalize((0.5,), (0.5,))
    y = torch.from_numpy(labels.astype(np.int64))
    xtr, ytr, xte, yte = x[:FIRST], y[:FIRST], x[FIRST:FIRST + COUNT], y[FIRST:FIRST + COUNT]

    mlp = train(Network(), xtr, ytr)
    sig = train(SigmoidNetwork(), xtr, ytr)
    os.makedirs(OUT, exist_ok=True)

    np.savez(f"{OUT}/mlp_fc.npz", **{k: v.numpy() for k, v in mlp.state_dict().items()})
    sequential = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    sequential.load_state_dict({k.replace("fc1", "0").replace("fc2", "2").replace("fc3", "4"): v
                                for k, v in mlp.state_dict().items()})
    save_safetensors(f"{OUT}/mlp_sequential.safetensors", sequential.state_dict(), "F32")
    save_safetensors(f"{OUT}/mlp_fc_f16.safetensors", mlp.state_dict(), "F16")
    save_safetensors(f"{OUT}/mlp_fc_bf16.safetensors", mlp.state_dict(), "BF16")
    np.savez_compressed(f"{OUT}/sigmoid_hidden_output.npz",
                        **{k: v.double().numpy().astype(">f8") for k, v in sig.state_dict().items()})

    expected = {}
    for variant, model in [("mlp", mlp), ("mlp_f16", rounded(mlp, torch.float16)),
                           ("mlp_bf16", rounded(mlp, torch.bfloat16)), ("sigmoid", sig)]:
        logits, probs = outputs(model, xte)
        expected[f"{variant}_logits"], expected[f"{variant}_probs"] = logits, probs
        top2 = np.sort(logits, axis=1)[:, -2:]
        print(f"{variant}: accuracy {(logits.argmax(1) == yte.numpy()).mean():.4f} on {COUNT} test digits, "
              f"smallest top-2 logit margin {(top2[:, 1] - top2[:, 0]).min():.2e}")
    np.savez(f"{OUT}/expected.npz", **expected)


if __name__ == "__main__":
    main()

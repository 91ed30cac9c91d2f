#!/usr/bin/python3
"""Stacked MNIST readings by a second judge: the classifier architecture of PacGAN's Stacked MNIST code (issue 7).

PacGAN (fjxmlzn/PacGAN, stacked_MNIST_experiments) reads each channel with the network of Keras'
examples/mnist_cnn.py: conv 3x3 (32) -> ReLU -> conv 3x3 (64) -> ReLU -> max-pool 2 -> dropout 0.25 -> linear 128
-> ReLU -> dropout 0.5 -> linear 10, trained 12 epochs with Adadelta (lr 1.0, rho 0.95) on digits in [0, 1].
This script trains that network in PyTorch (one thread, about 30 minutes here), reads 26,000 random triples of the
test digits, then each SAMPLES.npy: samples (N, 3, 28, 28) in [-1, 1] as `gan sample --out FILE.npy` writes them.
It prints modes covered, KL to uniform, the channels' digit KLs, ambiguous readings (p < 0.9) and digit shares,
as `gan eval --metrics stacked` does with lenet-mnist. Needs python3-torch.

    gan-cli/bin/gan sample --run runs/R -n 26000 --out /tmp/R.npy
    /usr/bin/python3 gan-cli/bench/pacgan_judge.py ../shared/datasets/mnist /tmp/R.npy   # --seed 0 --epochs 12
"""
import argparse
import gzip
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def idx(path):
    with gzip.open(path, 'rb') as f:
        rank = struct.unpack('>I', f.read(4))[0] & 0xff
        dims = struct.unpack('>' + 'I' * rank, f.read(4 * rank))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


class MnistCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1, self.c2 = nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)
        self.f1, self.f2 = nn.Linear(9216, 128), nn.Linear(128, 10)

    def forward(self, x):
        x = F.dropout(F.max_pool2d(F.relu(self.c2(F.relu(self.c1(x)))), 2), 0.25, self.training)
        return self.f2(F.dropout(F.relu(self.f1(x.flatten(1))), 0.5, self.training))


def train(mnist, seed, epochs=12):
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    np.random.seed(seed)
    x = idx(f'{mnist}/train-images-idx3-ubyte.gz').astype(np.float32) / 255
    y = idx(f'{mnist}/train-labels-idx1-ubyte.gz').astype(np.int64)
    xt = idx(f'{mnist}/t10k-images-idx3-ubyte.gz').astype(np.float32) / 255
    yt = idx(f'{mnist}/t10k-labels-idx1-ubyte.gz').astype(np.int64)
    net = MnistCnn()
    opt = torch.optim.Adadelta(net.parameters(), lr=1.0, rho=0.95, eps=1e-7)
    start = time.time()
    for epoch in range(epochs):
        net.train()
        order = np.random.permutation(len(x))
        for i in range(0, len(x), 128):
            b = order[i:i + 128]
            opt.zero_grad()
            F.cross_entropy(net(torch.from_numpy(x[b, None])), torch.from_numpy(y[b])).backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            accuracy = (net(torch.from_numpy(xt[:, None])).argmax(1).numpy() == yt).mean()
        print(f'epoch {epoch + 1}/{epochs}: test accuracy {accuracy:.4f} ({time.time() - start:.0f} s)', flush=True)
    return net, xt


def read(net, x):
    """Reads samples (N, 3, 28, 28) in [0, 1]; returns a one-line summary."""
    with torch.no_grad():
        p = [torch.cat([F.softmax(net(torch.from_numpy(np.ascontiguousarray(x[i:i + 1000, c:c + 1]))), 1)
                        for i in range(0, len(x), 1000)]).numpy() for c in range(3)]
    digits = np.stack([q.argmax(1) for q in p], 1)
    sure = np.stack([q.max(1) for q in p], 1) >= 0.9

    def kl(counts):
        q = counts / counts.sum()
        q = q[q > 0]
        return float((q * np.log(q * len(counts))).sum())

    modes = np.bincount(digits @ np.array([100, 10, 1]), minlength=1000)
    channels = '/'.join(f'{kl(np.bincount(digits[:, c], minlength=10)):.3f}' for c in range(3))
    shares = ' '.join(f'{s:.1f}' for s in np.bincount(digits.ravel(), minlength=10) / digits.size * 100)
    return (f'modes {(modes > 0).sum()}, KL {kl(modes):.3f}, channel KLs {channels}, '
            f'ambiguous {(~sure).mean() * 100:.1f} %, digit shares {shares}')


if __name__ == '__main__':
    cli = argparse.ArgumentParser(description='Stacked MNIST readings by PacGAN\'s classifier architecture.')
    cli.add_argument('mnist', help='folder with MNIST\'s four .gz IDX files')
    cli.add_argument('samples', nargs='*', help='.npy files of samples (N, 3, 28, 28) in [-1, 1]')
    cli.add_argument('--seed', type=int, default=0)
    cli.add_argument('--epochs', type=int, default=12)
    a = cli.parse_args()
    net, test = train(a.mnist, a.seed, a.epochs)
    net.eval()
    triples = np.random.default_rng(1).integers(0, len(test), size=(26000, 3))
    print('real Stacked MNIST (26,000 triples of test digits):', read(net, test[triples]), flush=True)
    for path in a.samples:
        samples = np.load(path).reshape(-1, 3, 28, 28).astype(np.float32)
        print(f'{path} ({len(samples)} samples):', read(net, (samples + 1) / 2), flush=True)

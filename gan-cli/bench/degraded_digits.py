#!/usr/bin/python3
"""Real MNIST digits made unclear, to see how lenet-mnist reads unclear strokes (issue 7's Stacked MNIST diagnosis).

Writes OUT/{real,blur,elastic,elastic-strong,average}.npy: the first 5,000 test digits as they are, blurred
(Gaussian, sigma 1 px), elastically deformed (Simard et al. 2003: alpha 34 and 60, sigma 4), and as pixel averages of
two different digits; rows of 784 values in [-1, 1], as `gan eval --samples` reads them. Needs python3-torch.

    /usr/bin/python3 gan-cli/bench/degraded_digits.py ../shared/datasets/mnist/t10k-images-idx3-ubyte.gz /tmp/degraded
    for n in real blur elastic elastic-strong average; do
      gan-cli/bin/gan eval --samples /tmp/degraded/$n.npy --reference mnist -n 5000 --metrics classes
    done
"""
import gzip
import sys

import numpy as np
import torch
import torch.nn.functional as F


def gauss(img, sigma):
    r = int(3 * sigma) + 1
    t = torch.arange(-r, r + 1, dtype=torch.float32)
    k = torch.exp(-t ** 2 / (2 * sigma ** 2))
    k /= k.sum()
    img = F.conv2d(img, k.view(1, 1, 1, -1), padding=(0, r))
    return F.conv2d(img, k.view(1, 1, -1, 1), padding=(r, 0))


def elastic(img, alpha, sigma):
    n = len(img)
    d = gauss(torch.rand(n * 2, 1, 28, 28) * 2 - 1, sigma).view(n, 2, 28, 28) * alpha
    yy, xx = torch.meshgrid(torch.arange(28.), torch.arange(28.), indexing='ij')
    grid = torch.stack([(xx + d[:, 0]) / 27 * 2 - 1, (yy + d[:, 1]) / 27 * 2 - 1], -1)
    return F.grid_sample(img, grid, align_corners=True)


def main(images, out):
    with gzip.open(images) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28).astype(np.float32) / 255.0
    torch.manual_seed(0)
    x = torch.from_numpy(x[:5000]).unsqueeze(1)
    variants = {
        'real': x,
        'blur': gauss(x, 1.0),
        'elastic': elastic(x, 34, 4),
        'elastic-strong': elastic(x, 60, 4),
        'average': (x + x[torch.randperm(len(x))]) / 2 * 1.4,
    }
    for name, imgs in variants.items():
        rows = (imgs.clamp(0, 1) * 2 - 1).reshape(len(imgs), -1).numpy().astype(np.float32)
        np.save(f'{out}/{name}.npy', rows)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])

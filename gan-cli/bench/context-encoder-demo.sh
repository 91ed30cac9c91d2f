#!/usr/bin/env bash
# Context-encoder demonstration (docs/benchmarks/context-encoder-fashion.md): Fashion-MNIST, the central 14x14
# hole, against the L2-only encoder and mean fill. Usage: gan-cli/bench/context-encoder-demo.sh [train|eval] [ce|l2];
# the two runs were trained side by side, one thread each (OMP_NUM_THREADS=1).
set -euo pipefail
GAN="$(cd "$(dirname "$0")/.." && pwd)/bin/gan"
F="${GAN4J_SHARED:-../shared/datasets}/fashion-mnist"
TRAIN="idx:$F/train-images-idx3-ubyte.gz,$F/train-labels-idx1-ubyte.gz"
TEST="idx:$F/t10k-images-idx3-ubyte.gz,$F/t10k-labels-idx1-ubyte.gz"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
case "$1/$2" in
  train/ce) "$GAN" train context-encoder --data "$TRAIN" --batch 64 --steps 4000 --out runs/ce ;;
  train/l2) "$GAN" train context-encoder --data "$TRAIN" -o adversarial=false --batch 64 --steps 4000 --out runs/ce-l2 ;;
  eval/ce) "$GAN" eval inpainting --run runs/ce --features lenet-fashion --data "$TEST" ;;
  eval/l2) "$GAN" eval inpainting --run runs/ce-l2 --features lenet-fashion --data "$TEST" ;;
  *) echo "usage: $0 train|eval ce|l2" >&2; exit 2 ;;
esac

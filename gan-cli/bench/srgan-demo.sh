#!/usr/bin/env bash
# SRGAN demonstration (docs/benchmarks/srgan-fashion-mnist.md): 4x super-resolution (7 -> 28 px) on Fashion-MNIST and MNIST,
# SRGAN against SRResNet (the same generator by pixel MSE alone) and bicubic upscaling.
# Usage: gan-cli/bench/srgan-demo.sh train|eval fashion|mnist srgan|srresnet; the four runs were trained side by side, one
# thread each (OMP_NUM_THREADS=1).
set -euo pipefail
GAN="$(cd "$(dirname "$0")/.." && pwd)/bin/gan"
D="${GAN4J_SHARED:-../shared/datasets}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
case "$2" in
  fashion) F="$D/fashion-mnist"; FEATURES=lenet-fashion ;;
  mnist) F="$D/mnist"; FEATURES=lenet-mnist ;;
  *) echo "usage: $0 train|eval fashion|mnist srgan|srresnet" >&2; exit 2 ;;
esac
case "$3" in
  srgan) ADVERSARIAL=true ;;
  srresnet) ADVERSARIAL=false ;;
  *) echo "usage: $0 train|eval fashion|mnist srgan|srresnet" >&2; exit 2 ;;
esac
RUN="runs/sr-$2-$3"
case "$1" in
  train) "$GAN" train srgan --data "idx:$F/train-images-idx3-ubyte.gz" -o blocks=8 -o ngf=64 -o ndf=32 -o adversarial=$ADVERSARIAL \
           --batch 16 --lr 5e-4 --steps 3000 --seed 1 --out "$RUN" ;;
  eval) "$GAN" eval upscaling --run "$RUN" --features "$FEATURES" \
          --data "idx:$F/t10k-images-idx3-ubyte.gz,$F/t10k-labels-idx1-ubyte.gz" ;;
  *) echo "usage: $0 train|eval fashion|mnist srgan|srresnet" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# pix2pix demonstration (docs/benchmarks/pix2pix-fashion-edges.md): Fashion-MNIST shoes (sandal, sneaker,
# ankle boot) from their edge maps, against the same U-Net trained by L1 alone and CycleGAN trained unpaired on
# the same images. Usage: gan-cli/bench/pix2pix-demo.sh [train|eval] [pix2pix|l1|cyclegan]; the three runs were
# trained side by side, one thread each (OMP_NUM_THREADS=1).
set -euo pipefail
GAN="$(cd "$(dirname "$0")/.." && pwd)/bin/gan"
F="${GAN4J_SHARED:-../shared/datasets}/fashion-mnist"
SHOES="exclude:0,1,2,3,4,6,8@idx:$F/train-images-idx3-ubyte.gz,$F/train-labels-idx1-ubyte.gz"
TEST="exclude:0,1,2,3,4,6,8@idx:$F/t10k-images-idx3-ubyte.gz,$F/t10k-labels-idx1-ubyte.gz"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
case "$1/$2" in
  train/pix2pix) "$GAN" train pix2pix --a "restyle:edges@$SHOES" --b "$SHOES" -o ngf=32 -o ndf=32 --batch 16 --steps 6000 --out runs/pix2pix ;;
  train/l1) "$GAN" train pix2pix --a "restyle:edges@$SHOES" --b "$SHOES" -o ngf=32 -o adversarial=false --batch 16 --steps 6000 --out runs/l1 ;;
  train/cyclegan) "$GAN" train cyclegan --a "restyle:edges@$SHOES" --b "$SHOES" -o flip=false --batch 8 --steps 3000 --out runs/cyclegan ;;
  eval/*) "$GAN" eval translation --run "runs/$2" --paired --features lenet-fashion -n 3000 --a "restyle:edges@$TEST" --b "$TEST" ;;
  *) echo "usage: $0 train|eval pix2pix|l1|cyclegan" >&2; exit 2 ;;
esac

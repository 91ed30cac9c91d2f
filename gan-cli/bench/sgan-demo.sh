#!/usr/bin/env bash
# Semi-supervised GAN demonstration (docs/benchmarks/sgan-mnist.md): MNIST with 100 labels (10 per class, seed 1), the
# other training images unlabelled, against the same classifier trained on the 100 labels alone, without and with random
# shifts. Usage: gan-cli/bench/sgan-demo.sh train|eval sgan|alone|augment; the three runs were trained side by side, one
# thread each (OMP_NUM_THREADS=1).
set -euo pipefail
GAN="$(cd "$(dirname "$0")/.." && pwd)/bin/gan"
M="${GAN4J_SHARED:-../shared/datasets}/mnist"
DATA="fewlabels:100@idx:$M/train-images-idx3-ubyte.gz,$M/train-labels-idx1-ubyte.gz"
TEST="idx:$M/t10k-images-idx3-ubyte.gz,$M/t10k-labels-idx1-ubyte.gz"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
case "$2" in
  sgan) OPTIONS=(); STEPS=10000 ;;
  alone) OPTIONS=(-o adversarial=false); STEPS=3000 ;;
  augment) OPTIONS=(-o adversarial=false -o augment=true); STEPS=3000 ;;
  *) echo "usage: $0 train|eval sgan|alone|augment" >&2; exit 2 ;;
esac
case "$1" in
  train) "$GAN" train sgan --data "$DATA" "${OPTIONS[@]}" --batch 100 --lr 1e-3 --steps "$STEPS" --checkpoint-every 1000 \
           --seed 1 --out "runs/sgan-$2" ;;
  eval) "$GAN" classify --run "runs/sgan-$2" --data "$TEST" ;;
  *) echo "usage: $0 train|eval sgan|alone|augment" >&2; exit 2 ;;
esac

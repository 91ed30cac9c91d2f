#!/usr/bin/env bash
# InfoGAN demonstration (docs/benchmarks/infogan-mnist.md): MNIST training split without its labels, the paper's
# codes; then the unsupervised accuracy of c1 on the test split and sheets varying each code.
# Usage: gan-cli/bench/infogan-demo.sh [train|eval] [SEED]
set -euo pipefail
GAN="$(cd "$(dirname "$0")/.." && pwd)/bin/gan"
M="${GAN4J_SHARED:-../shared/datasets}/mnist"
SEED="${2:-0}"
RUN="runs/infogan-seed$SEED"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
case "$1" in
  train) "$GAN" train infogan --data "idx:$M/train-images-idx3-ubyte.gz,$M/train-labels-idx1-ubyte.gz" --batch 64 \
      --lr-for generator=1e-3 --steps 5000 --seed "$SEED" --out "$RUN" ;;
  eval) "$GAN" classify --run "$RUN" --data "idx:$M/t10k-images-idx3-ubyte.gz,$M/t10k-labels-idx1-ubyte.gz"
        "$GAN" sample --run "$RUN" --vary c1 --columns 10
        for c in c2 c3; do "$GAN" sample --run "$RUN" --vary "$c" --code c1=0 --columns 10; done ;;
  *) echo "usage: $0 train|eval [SEED]" >&2; exit 2 ;;
esac

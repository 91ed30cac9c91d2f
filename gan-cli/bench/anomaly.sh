#!/usr/bin/env bash
# One-class anomaly protocol on MNIST (README, Anomaly detection): GANomaly, f-AnoGAN, autoencoder, PCA,
# every digit as the anomaly, seeds 0-2. Two processes (one thread each) share the classes; a final
# pass over all classes reuses the trained detectors and writes the merged table to OUT/anomaly-results.md.
# Usage: gan-cli/bench/anomaly.sh [MNIST_DIR] [STEPS] [OUT]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mnist="${1:-$here/../shared/datasets/mnist}"
steps="${2:-600}"
out="${3:-runs/anomaly}"
train="idx:$mnist/train-images-idx3-ubyte.gz,$mnist/train-labels-idx1-ubyte.gz"
test="idx:$mnist/t10k-images-idx3-ubyte.gz,$mnist/t10k-labels-idx1-ubyte.gz"
common=(eval anomaly --train "$train" --test "$test" --seeds 0,1,2 --steps "$steps" -o width=32 --out "$out")
export OMP_NUM_THREADS=1
"$here/gan-cli/bin/gan" "${common[@]}" --class 0,1,2,3,4 > "$out.part1.log" 2>&1 &
"$here/gan-cli/bin/gan" "${common[@]}" --class 5,6,7,8,9 > "$out.part2.log" 2>&1 &
wait
"$here/gan-cli/bin/gan" "${common[@]}" --class all

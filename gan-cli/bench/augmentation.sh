#!/usr/bin/env bash
# Issue 4's benchmarks in one command: class balancing on a table (wdbc) and CAS on MNIST.
#   gan-cli/bench/augmentation.sh [SHARED_DATASETS_DIR] [SEEDS]
# Writes runs/augmentation/ (the cgan runs, their evaluations) and prints both tables.
# About 35 minutes on 2 cores (three 5-epoch MNIST trainings dominate).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:-$here/../shared/datasets}"
seeds="${2:-3}"
gan="$here/gan-cli/bin/gan"
out="$here/runs/augmentation"
mkdir -p "$out"
M="$data/mnist"
TRAIN="idx:$M/train-images-idx3-ubyte.gz,$M/train-labels-idx1-ubyte.gz"
TEST="idx:$M/t10k-images-idx3-ubyte.gz,$M/t10k-labels-idx1-ubyte.gz"

echo "== tabular: wdbc, minority subsampled to 10% of the majority, 5 seeds"
# One MXNet thread: the MLPs are tiny and OpenMP spinning only costs.
OMP_NUM_THREADS=1 "$gan" bench tabular --csv "$data/tabular/wdbc.csv" --seeds 0,1,2,3,4

echo "== MNIST: cgan, 5 epochs of the training split, judged on the test split"
for seed in $(seq 0 $((seeds - 1))); do
  run="$out/cgan-s$seed"
  [ -f "$run/model/state.json" ] || "$gan" train cgan --data "$TRAIN" --epochs 5 --seed "$seed" --out "$run" >"$run.log" 2>&1
  "$gan" eval --run "$run" --reference "$TEST" -n 10000 | grep -E "fid|class_accuracy |classes_on_request|intra_fid "
  OMP_NUM_THREADS=1 "$gan" bench cas --run "$run" --test "$TEST" -n 10000 --seed "$seed"
done

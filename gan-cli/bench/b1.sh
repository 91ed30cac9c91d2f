#!/usr/bin/env bash
# Benchmark B1 of shared/BENCHMARKS.md: DCGAN-MNIST training throughput of gan4j against the PyTorch
# reference, measured side by side in one run: pairs alternate gan4j, reference (1 thread),
# reference (2 threads); the reference's faster thread count counts. Prints both medians, their
# ratio, and the fraction of the SGEMM roofline (2 x one-thread PyTorch matmul 4096^3, measured here).
# Needs: the built CLI (mvn -q -DskipTests package) and Debian's python3-torch.
# Usage: gan-cli/bench/b1.sh MNIST_TRAIN_IMAGES [PAIRS] [STEPS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
images=${1:?usage: b1.sh MNIST_TRAIN_IMAGES(.gz) [PAIRS=5] [STEPS=200]}
pairs=${2:-5}
steps=${3:-200}
reference=${B1_REFERENCE:-$root/../shared/baselines/pytorch_dcgan.py}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
rate() { grep -o 'images_per_sec=[0-9.]*' | cut -d= -f2; }
ours=(); theirs=()
for i in $(seq "$pairs"); do
  a=$("$root/gan-cli/bin/gan" bench b1 --data "idx:$images" --steps "$steps" | rate)
  b1=$(/usr/bin/python3 "$reference" --idx "$images" --steps "$steps" --threads 1 | rate)
  b2=$(/usr/bin/python3 "$reference" --idx "$images" --steps "$steps" --threads 2 | rate)
  b=$(python3 -c "print(max($b1, $b2))")
  echo "pair $i: gan4j $a img/s (OMP_NUM_THREADS=$OMP_NUM_THREADS) | pytorch $b img/s (1 thread $b1, 2 threads $b2)"
  ours+=("$a"); theirs+=("$b")
done
peak=$(/usr/bin/python3 - <<'PY'
import time, torch
torch.set_num_threads(1)
a = torch.randn(4096, 4096); b = torch.randn(4096, 4096)
for _ in range(2): a @ b
best = min((lambda t0: (a @ b, time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(5))
print(2 * 2 * 4096 ** 3 / best / 1e9)
PY
)
python3 - "$peak" "${ours[*]}" "${theirs[*]}" <<'PY'
import statistics, sys
peak = float(sys.argv[1]); ours = [float(x) for x in sys.argv[2].split()]; theirs = [float(x) for x in sys.argv[3].split()]
mo, mt = statistics.median(ours), statistics.median(theirs)
gflops = mo * 10.4e9 / 64 / 1e9
print(f"median gan4j {mo:.1f} img/s, median pytorch {mt:.1f} img/s, ratio {mo / mt:.2f}x")
print(f"gan4j {gflops:.1f} GFLOP/s of peak {peak:.1f} GFLOP/s (2 x 1-thread SGEMM) = {100 * gflops / peak:.1f}%")
PY

#!/usr/bin/env bash
# Benchmark B6 of shared/BENCHMARKS.md: sample COUNT images from a trained DCGAN and compute their lenet-mnist
# feature statistics (a) in one plain process, (b) as a Spark job in local[1], (c) in local[2], alternated
# a b c a b c ... in one run, one core per task slot (OMP_NUM_THREADS=1, as spark.task.cpus=1 means). Checks
# that the shards are the same bytes and the statistics agree, and reports the medians of whole-process times
# (JVM and Spark start included) and of the work itself (as gan sample reports it), (c) vs (b) and the
# overhead of (b) over (a). Usage: gan-cli/bench/b6.sh RUN [ROUNDS=3] [COUNT=100000]
# RUN is a trained run directory (e.g. from: gan-cli/bin/gan train dcgan --steps 300 --out RUN).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
run=${1:?usage: b6.sh RUN [ROUNDS=3] [COUNT=100000]}
rounds=${2:-3}
count=${3:-100000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export OMP_NUM_THREADS=1
# One engine type for all three (the launcher sets it only for local[N > 1]); for one task it changes nothing.
export MXNET_ENGINE_TYPE=NaiveEngine
declare -A modes=([a]="" [b]="--master local[1]" [c]="--master local[2]")
for i in $(seq "$rounds"); do
  for m in a b c; do
    rm -rf "$out/$m"
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$root/gan-cli/bin/gan" sample --run "$run" -n "$count" --shard-size 10000 --statistics lenet-mnist --out "$out/$m" ${modes[$m]} \
      > "$out/$m.log" 2>&1 || { cat "$out/$m.log"; exit 1; }
    t1=$(date +%s.%N)
    work=$(grep -o 'in [0-9.]* s,' "$out/$m.log" | tr -dc '0-9.')
    echo "$m $(python3 -c "print(round($t1 - $t0, 2))") $work" | tee -a "$out/times"
  done
  python3 - "$out" <<'PY'
import json, sys, numpy as np
out = sys.argv[1]
manifests = {m: json.load(open(f"{out}/{m}/manifest.json")) for m in "abc"}
shas = {m: [s["sha256"] for s in manifests[m]["shards"]] for m in "abc"}
assert shas["a"] == shas["b"] == shas["c"], "shards differ"
stats = {m: np.load(f"{out}/{m}/statistics-lenet-mnist.npz") for m in "abc"}
scale = abs(stats["a"]["sigma"]).max()
rel = max(abs(stats[m][k] - stats["a"][k]).max() / scale for m in "bc" for k in ("mu", "sigma"))
print(f"shards identical in a, b, c ({len(shas['a'])} shards); statistics agree within {rel:.1e} of the largest covariance")
PY
done
python3 - "$out/times" <<'PY'
import statistics, sys
t, w = {}, {}
for line in open(sys.argv[1]):
    m, s, work = line.split()
    t.setdefault(m, []).append(float(s))
    w.setdefault(m, []).append(float(work))
for name, d in (("whole process", t), ("work", w)):
    a, b, c = (statistics.median(d[m]) for m in "abc")
    print(f"{name}, medians over {len(d['a'])} rounds: (a) plain {a:.1f}s, (b) local[1] {b:.1f}s, (c) local[2] {c:.1f}s;"
          f" (c) vs (b) {b / c:.2f}x, overhead of (b) over (a) {100 * (b / a - 1):.1f}%")
PY

#!/usr/bin/env bash
# Benchmark B2 of shared/BENCHMARKS.md: Frechet distance of two 10,000 x 2,048 feature matrices, gan4j
# against pytorch-fid's formula (scipy sqrtm, float64), alternated A B A B in one run. Reports the
# relative difference of the values, the distance-step ratio (statistics given) and the whole-process
# ratio (read + statistics + distance, JVM start included), medians over PAIRS pairs.
# Needs: the built CLI and Debian's python3-scipy. Make the inputs once with:
#   /usr/bin/python3 ../shared/baselines/frechet_reference.py --make A.npy B.npy
# Usage: gan-cli/bench/b2.sh A.npy B.npy [PAIRS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
a=${1:?usage: b2.sh A.npy B.npy [PAIRS=5]}
b=${2:?usage: b2.sh A.npy B.npy [PAIRS=5]}
pairs=${3:-5}
reference=${B2_REFERENCE:-$root/../shared/baselines/frechet_reference.py}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
field() { grep -o "$1=[^ ]*" | head -1 | cut -d= -f2; }
sub() { python3 -c "print(round($1 - $2, 3))"; }
rows=()
for i in $(seq "$pairs"); do
  t0=$(date +%s.%N); ours=$("$root/gan-cli/bin/gan" bench b2 "$a" "$b" 2>/dev/null); t1=$(date +%s.%N)
  theirs=$(/usr/bin/python3 "$reference" "$a" "$b"); t2=$(date +%s.%N)
  row="$(echo "$ours" | field fid) $(echo "$theirs" | field fid) $(echo "$ours" | field seconds) $(echo "$theirs" | field seconds) $(sub "$t1" "$t0") $(sub "$t2" "$t1")"
  echo "pair $i: gan4j fid=$(echo "$ours" | field fid) distance $(echo "$ours" | field seconds)s statistics $(echo "$ours" | field stats_seconds)s whole $(sub "$t1" "$t0")s | reference fid=$(echo "$theirs" | field fid) distance $(echo "$theirs" | field seconds)s whole $(sub "$t2" "$t1")s"
  rows+=("$row")
done
printf '%s\n' "${rows[@]}" | python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
rel = max(abs(r[0] - r[1]) / abs(r[1]) for r in rows)
d_ours, d_ref = statistics.median(r[2] for r in rows), statistics.median(r[3] for r in rows)
w_ours, w_ref = statistics.median(r[4] for r in rows), statistics.median(r[5] for r in rows)
print(f"max relative difference of the values: {rel:.2e}")
print(f"distance step: gan4j {d_ours:.3f}s, reference {d_ref:.3f}s, ratio {d_ref / d_ours:.2f}x")
print(f"whole process: gan4j {w_ours:.2f}s, reference {w_ref:.2f}s, ratio {w_ref / w_ours:.2f}x")
'

#!/usr/bin/env bash
# B5: gan eval end to end (default metrics, 10,000 generated vs 10,000 real, lenet-mnist), side by side:
# a previous build, this build with an empty reference cache (cold) and with a filled one (warm),
# alternating, three rounds. Prints wall time and peak RSS; every evaluation is saved in RUN/evaluations/,
# where the numbers of all of them can be compared.
#   usage: gan-cli/bench/b5.sh RUN PREVIOUS_TARGET_DIR   (PREVIOUS_TARGET_DIR: a copy of an earlier gan-cli/target/
#          with gan.jar and lib/, e.g. cp -r gan-cli/target /tmp/previous before rebuilding)
set -euo pipefail
run="$1"; previous="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$(nproc)}"
opts=(-Xmx4g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
cache="$(mktemp -d)"
GAN4J_CACHE="$cache/warm" "$here/bin/gan" eval --run "$run" > /dev/null 2>&1   # fills the warm cache
for round in 1 2 3; do
  GAN4J_CACHE=off /usr/bin/time -f "previous %e s %M KB" java "${opts[@]}" -jar "$previous/gan.jar" eval --run "$run" 2>&1 | grep '^previous'
  rm -rf "$cache/cold"
  GAN4J_CACHE="$cache/cold" /usr/bin/time -f "cold %e s %M KB" "$here/bin/gan" eval --run "$run" 2>&1 | grep '^cold'
  GAN4J_CACHE="$cache/warm" /usr/bin/time -f "warm %e s %M KB" "$here/bin/gan" eval --run "$run" 2>&1 | grep '^warm'
done
rm -rf "$cache"

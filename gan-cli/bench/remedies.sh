#!/usr/bin/env bash
# Issue 7's toy benchmark: plain GAN vs mode-collapse remedies on ring-8 and grid-25 (VEEGAN/PacGAN
# protocol: modes covered, % high-quality samples, reverse KL), mean ± std over seeds.
#   gan-cli/bench/remedies.sh [STEPS] [SEEDS] [DATASETS] [CONFIGS]
#   (defaults: 5000 3 "ring8 grid25" "plain pacgan2 minibatch-std sn-hinge sn-hinge-ema wgan-gp";
#   also: sn-hinge-ema-large, ns-ema-large: batch 512, 3 hidden layers of 256, learning rate decayed
#   to 0 over the second half; pacgan2-paper-ema: PacGAN's own toy networks and optimizer (G 4 x 400 with
#   BN, D 3 x 200 maxout-5, latent 2, Adam 1e-4 / beta1 0.8, batch 100) plus EMA and the same decay;
#   pacgan4-paper-ema: the same with packs of 4. PacGAN's own runs differ: their Blocks beta1 0.8 is beta1 0.2
#   here, weights start N(0, 0.02^2) (-o init-std=0.02), and D sees 100 packs a step (--batch 100 x pack); see README;
#   pacgan2-exact-ema, pacgan4-exact-ema: PacGAN's settings as they really are, plus EMA and the decay;
#   nopack-exact-ema: the same without packing, batch 100, the control for them)
# Writes runs/remedies/DATA-CONFIG-sSEED/ and prints one table per dataset. JOBS runs at a time (default 2), one
# thread each. A 5,000-step MLP run takes about 2 minutes; wgan-gp (PyTorch, 5 critic steps) about 7.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
steps="${1:-5000}"
seeds="${2:-3}"
datasets="${3:-ring8 grid25}"
wanted="${4:-plain pacgan2 minibatch-std sn-hinge sn-hinge-ema wgan-gp}"
export GAN="$here/gan-cli/bin/gan" OUT="$here/runs/remedies" STEPS="$steps" OMP_NUM_THREADS=1
mkdir -p "$OUT"
all=(
  "plain|"
  "pacgan2|-o pack=2"
  "minibatch-std|-o minibatch-std=true"
  "wgan-gp|--engine pytorch --loss wgan --penalty wgan-gp --lr 1e-4 --beta2 0.9 -o hidden=512"
  "sn-hinge|--loss hinge -o spectral-norm=true"
  "sn-hinge-ema|--loss hinge -o spectral-norm=true --ema 0.999"
  "sn-hinge-ema-large|--loss hinge -o spectral-norm=true --ema 0.999 --batch 512 -o hidden=256 -o layers=3 --lr-decay-steps $((steps / 2))"
  "ns-ema-large|--ema 0.999 --batch 512 -o hidden=256 -o layers=3 --lr-decay-steps $((steps / 2))"
  "pacgan2-paper-ema|--engine pytorch -o pack=2 -o latent=2 -o hidden=400 -o layers=4 -o d-hidden=200 -o d-layers=3 -o maxout=5 --lr 1e-4 --beta1 0.8 --batch 100 --ema 0.999 --lr-decay-steps $((steps / 2))"
  "pacgan4-paper-ema|--engine pytorch -o pack=4 -o latent=2 -o hidden=400 -o layers=4 -o d-hidden=200 -o d-layers=3 -o maxout=5 --lr 1e-4 --beta1 0.8 --batch 100 --ema 0.999 --lr-decay-steps $((steps / 2))"
  "nopack-exact-ema|--engine pytorch -o latent=2 -o hidden=400 -o layers=4 -o d-hidden=200 -o d-layers=3 -o maxout=5 -o init-std=0.02 --lr 1e-4 --beta1 0.2 --batch 100 --ema 0.999 --lr-decay-steps $((steps / 2))"
  "pacgan2-exact-ema|--engine pytorch -o pack=2 -o latent=2 -o hidden=400 -o layers=4 -o d-hidden=200 -o d-layers=3 -o maxout=5 -o init-std=0.02 --lr 1e-4 --beta1 0.2 --batch 200 --ema 0.999 --lr-decay-steps $((steps / 2))"
  "pacgan4-exact-ema|--engine pytorch -o pack=4 -o latent=2 -o hidden=400 -o layers=4 -o d-hidden=200 -o d-layers=3 -o maxout=5 -o init-std=0.02 --lr 1e-4 --beta1 0.2 --batch 400 --ema 0.999 --lr-decay-steps $((steps / 2))"
)
configs=()
for c in "${all[@]}"; do
  case " $wanted " in *" ${c%%|*} "*) configs+=("$c") ;; esac
done

run_one() {  # DATA NAME SEED ARGS...
  local data=$1 name=$2 seed=$3; shift 3
  local run="$OUT/$data-$name-s$seed"
  if [ ! -f "$run.eval" ]; then
    [ -f "$run/model/state.json" ] || "$GAN" train gan --data "$data" --steps "$STEPS" --seed "$seed" "$@" --out "$run" \
        --sample-every 0 --checkpoint-every 0 --alarm-every 0 >"$run.log" 2>&1
    "$GAN" eval --run "$run" --metrics fid >"$run.eval.tmp" 2>&1 && mv "$run.eval.tmp" "$run.eval"
  fi
}
export -f run_one

for data in $datasets; do
  for c in "${configs[@]}"; do
    for seed in $(seq 0 $((seeds - 1))); do
      echo "$data ${c%%|*} $seed ${c#*|}"
    done
  done
done | xargs -P "${JOBS:-2}" -I{} bash -c 'run_one {}'

for data in $datasets; do
  echo "== $data: $steps generator steps, seeds 0..$((seeds - 1)); mean ± std"
  printf "%-14s %-14s %-18s %-20s\n" config modes high-quality reverse-KL
  for c in "${configs[@]}"; do
    name=${c%%|*}
    cat "$OUT/$data-$name"-s*.eval | awk -v name="$name" '
      /modes_covered/ {split($2, f, "/"); m[++n] = f[1]; total = f[2]}
      /high_quality/ {h[n] = $2 * 100}
      /reverse_kl/ {k[n] = $2}
      function ms(a, f,   i, s, q) {s = 0; for (i = 1; i <= n; i++) s += a[i]; s /= n; q = 0;
        for (i = 1; i <= n; i++) q += (a[i] - s) ^ 2; return sprintf(f " ± " f, s, n > 1 ? sqrt(q / (n - 1)) : 0)}
      END {printf "%-14s %-14s %-18s %-20s\n", name, ms(m, "%.1f") " /" total, ms(h, "%.1f") " %", ms(k, "%.4f")}'
  done
done

#!/usr/bin/env bash
# A small-scale version of the paper's Table 2 (docs/experiments/2026-11-26-e2e-table2-shipped-model.md): on prefixkit-tiny, prefix-tuning
# (prefix-flat, 9 slots from E2E's field names), Houlsby adapters at 0.1% of the model and FT-FULL,
# each trained on the full E2E training set (42,061 pairs) with the same steps, batch, warm-up and
# seed; then every row, and the model without a prefix, decodes the whole E2E test set (630 MRs;
# beam 5, at most 40 new tokens, min_new_tokens 5, newlines banned) and is scored with the five
# official E2E metrics. Rerunning skips what is already there (a run's final/, an outputs file),
# and a stopped training resumes from its last checkpoint.
#
#   bash scripts/experiments/e2e-table2.sh [RUN_DIR]    (default runs/table2)
#   MODEL=FOLDER ... runs it on another GPT-2 (default prefixkit-tiny); ROWS="none prefix-flat"
#   limits it to some rows (default: none prefix-flat adapter ft-full).
#
# Needs ../shared/data/e2e (or PREFIXKIT_SHARED_DATA). On a 2-core machine through lavapipe: about
# 25 minutes per prefix/adapter run, 40 for FT-FULL, 6 per decoded row.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-runs/table2}
steps=${STEPS:-2500}
model=${MODEL:-prefixkit-tiny}
rows=${ROWS:-none prefix-flat adapter ft-full}
data=${PREFIXKIT_SHARED_DATA:-../shared/data}/e2e
mkdir -p "$out/outputs" "$out/scores"
prefixkit() { pnpm --silent prefixkit "$@"; }

common=(--model "$model" --task e2e --batch-size 5 --warmup-steps 50 --max-steps "$steps" --eval-every 500
  --checkpoint-every 500 --max-dev-examples 100 --seed 101)
train() { # name, then method flags
  local name=$1
  shift
  if [[ " $rows " != *" $name "* ]]; then return; fi
  if [ -d "$out/$name/final" ]; then return; fi
  if [ -d "$out/$name/checkpoints" ]; then
    prefixkit train --output "$out/$name" --resume
  else
    prefixkit train "${common[@]}" "$@" --output "$out/$name"
  fi
}
train prefix-flat --method prefix-flat --prefix-length 9 --learning-rate 0.005 \
  --method-options '{"init":"words","initWords":"name area food price near customer rating family friendly"}'
train adapter --method adapter --method-options '{"parameterFraction":0.001}' --learning-rate 0.005
train ft-full --method ft-full --learning-rate 0.0005

for row in $rows; do
  outputs="$out/outputs/$row.txt"
  if [ ! -s "$outputs" ]; then
    adapter=()
    if [ "$row" != none ]; then adapter=(--adapter "$out/$row/final"); fi
    prefixkit generate --model "$model" "${adapter[@]}" --task e2e --split test --max-new-tokens 40 \
      --min-new-tokens 5 --batch-size 30 --output "$outputs"
  fi
  prefixkit evaluate --task e2e --hypotheses "$outputs" \
    --references "$data/testset_w_refs.csv" --json >"$out/scores/$row.json"
done

node scripts/experiments/table2-markdown.mjs "$out" "$data/testset_w_refs.csv" "$model"

#!/bin/bash
# On a lent GPU, from the repository root, with carry ["apps/cli/.gpu", ".gl"] made by
# prepare-gpu.sh (and RUN_DIR when it continues a run folder brought back from an earlier call):
# unpacks the Vulkan loader, Node, Dawn and the data, checks that WebGPU's adapter is the NVIDIA
# GPU, then runs one experiment command with --backend webgpu for at most BUDGET seconds
# (PREFIXKIT_GPU_BUDGET_S, default 450), stopping it as Ctrl-C does: a training checkpoints,
# finished steps are kept, and the same command continues the run folder later.
#   bash scripts/experiments/gpu-run.sh EXPERIMENT RUN_DIR [experiment options]
# Back in $OUT: adapter.json, run.log, results.json and results.md, and RUN_DIR as
# run.tar.xz (run.tar.xz.part-aa, -ab, ... past 15 MiB): everything but the checkpoints of
# finished trainings and files over 8 MiB (full fine-tuning's weights, its checkpoints), which
# left-out.txt lists. A run folder brought back this way continues here or on a later call: a
# run scored on its split needs no weights, and a training whose checkpoint was left out
# starts again.
set -uo pipefail
: "${OUT:?OUT must name the folder whose files come back}"
EXPERIMENT=${1:?usage: gpu-run.sh EXPERIMENT RUN_DIR [options]}
RUN_DIR=${2:?usage: gpu-run.sh EXPERIMENT RUN_DIR [options]}
shift 2
source scripts/gpu/runtime.sh
G=apps/cli/.gpu
unpack_gpu_runtime "$G"
require_nvidia_adapter "$G" "$OUT/adapter.json" || exit $?
mkdir -p /tmp/prefixkit-data
tar -C /tmp/prefixkit-data -xJf "$G/data.tar.xz"
# METEOR's WordNet data, found beside the bundle as beside the metrics package's code.
mkdir -p "$G/data" && ln -sfn "$PWD/packages/metrics/data/meteor" "$G/data/meteor"
export PREFIXKIT_SHARED_DATA=/tmp/prefixkit-data PREFIXKIT_CLI_ENTRY="$PWD/$G/prefixkit.js"
# --foreground: the budget's SIGTERM goes to the driver alone, which passes it on once to the
# running prefixkit command (a second SIGTERM would make that command quit without checkpointing).
timeout --foreground -s TERM -k 60 "${PREFIXKIT_GPU_BUDGET_S:-450}" "$G/node" "$G/experiments.js" \
  "$EXPERIMENT" "$RUN_DIR" --backend webgpu "$@" 2>&1 | grep --line-buffered -v maxDynamic |
  tee "$OUT/run.log"
echo "experiment exit ${PIPESTATUS[0]}" | tee -a "$OUT/run.log"
# A command the driver could not stop in time (it was killed) must not write while RUN_DIR is packed.
pkill -KILL -f "$G/prefixkit.js" 2> /dev/null
[ -d "$RUN_DIR" ] || exit 1
cp "$RUN_DIR/results.json" "$RUN_DIR/results.md" "$OUT/" 2> /dev/null
# What stays behind: checkpoints of finished trainings, and any file over 8 MiB.
parent=$(dirname "$RUN_DIR") name=$(basename "$RUN_DIR")
(
  cd "$parent" || exit 1
  find "$name" -path '*/train/final' -type d | sed 's#/final$#/checkpoints#' | while read -r saved; do
    [ -d "$saved" ] && echo "$saved"
  done
  find "$name" -type f -size +8M
) | sort -u > "$OUT/left-out.txt"
tar -C "$parent" -X "$OUT/left-out.txt" -cf - "$name" | xz -T0 -6 > /tmp/run.tar.xz
if [ "$(stat -c %s /tmp/run.tar.xz)" -le $((15 * 1024 * 1024)) ]; then
  mv /tmp/run.tar.xz "$OUT/run.tar.xz"
else
  split -b 15M /tmp/run.tar.xz "$OUT/run.tar.xz.part-"
fi
ls -la "$OUT"

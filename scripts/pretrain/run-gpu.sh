#!/bin/bash
# On the lent GPU: Vulkan loader, Node, Dawn (scripts/gpu/runtime.sh); check the adapter is the
# NVIDIA GPU; pretrain for SECONDS seconds with the given extra flags (paths relative to
# .gpu/pretrain, e.g. --init-from init --block 256 --lr 1e-3). The model folder goes to /tmp/model
# (checkpoints refresh it), and only what the device returns (at most 8 files) is copied into $OUT
# afterwards: the weights, config.json, run.json, the loss curve, the log and the adapter
# (adapter.txt from nvidia-smi, adapter.json from WebGPU), also when the run was cut off.
#   bash .gpu/pretrain/run.sh SECONDS [pretrain flags...]
set -u
SECONDS_BUDGET=${1:-360}
shift || true
cd "$(dirname "$0")"
source ../../scripts/gpu/runtime.sh
unpack_gpu_runtime .
[ -f corpus/train.tokens ] || xz -dc corpus/train.tokens.xz > corpus/train.tokens
nvidia-smi -L 2>&1 | tee "$OUT/adapter.txt"
require_nvidia_adapter . "$OUT/adapter.json" || exit 3
# Returns the latest checkpointed weights even if the call is killed before the copy at the end.
( while sleep 20; do cp /tmp/model/model.safetensors /tmp/model/config.json "$OUT/" 2>/dev/null; done ) &
COPIER=$!
FLAGS=(--corpus corpus --run-dir /tmp/run --out /tmp/model --backend webgpu --batch 32 --lr 2e-3
  --eval-every 200 --checkpoint-every 500 --log-every 50 --seconds "$SECONDS_BUDGET" "$@")
timeout $((SECONDS_BUDGET + 60)) ./node pretrain.mjs "${FLAGS[@]}" --command "node pretrain.mjs ${FLAGS[*]}" \
  2>&1 | grep -v maxDynamic | tee "$OUT/log.txt"
echo "pretrain exit ${PIPESTATUS[0]}"
kill $COPIER 2>/dev/null; wait $COPIER 2>/dev/null
for f in model.safetensors config.json loss-curve.jsonl run/run.json; do
  cp "/tmp/model/$f" "$OUT/" 2>/dev/null || echo "missing /tmp/model/$f"
done
ls -la "$OUT"

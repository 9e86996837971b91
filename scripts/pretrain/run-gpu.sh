#!/bin/bash
# On the lent GPU: Vulkan loader, Node, Dawn; check the adapter is the NVIDIA GPU; pretrain
# prefixkit-tiny for SECONDS seconds; the model folder, curve, card and log land in $OUT.
set -u
SECONDS_BUDGET=${1:-360}
cd "$(dirname "$0")"
for f in ../../.gl/*.deb; do dpkg -x "$f" /; done; ldconfig
export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
xz -dc node.xz > node && chmod +x node
mkdir -p node_modules/webgpu/dist/linux-x64
xz -dc dawn.node.xz > node_modules/webgpu/dist/linux-x64/dawn.node
nvidia-smi -L 2>&1 | tee "$OUT/adapter.txt"
./node -e "import('webgpu').then(async (m) => { const a = await m.create([]).requestAdapter(); const i = a.info; console.log(JSON.stringify({vendor: i.vendor, architecture: i.architecture, device: i.device, description: i.description})); process.exit(0); })" 2>&1 | tee -a "$OUT/adapter.txt"
grep -q '"vendor":"nvidia"' "$OUT/adapter.txt" || { echo "adapter is not the NVIDIA GPU: stopping"; exit 3; }
CMD="node pretrain.mjs --corpus corpus --run-dir /tmp/run --out \$OUT --backend webgpu --batch 32 --lr 2e-3 --eval-every 200 --checkpoint-every 500 --log-every 50 --seconds $SECONDS_BUDGET"
timeout $((SECONDS_BUDGET + 60)) ./node pretrain.mjs --corpus corpus --run-dir /tmp/run --out "$OUT" --backend webgpu \
  --batch 32 --lr 2e-3 --eval-every 200 --checkpoint-every 500 --log-every 50 --seconds "$SECONDS_BUDGET" \
  --command "$CMD" 2>&1 | grep -v maxDynamic | tee "$OUT/log.txt"
echo "pretrain exit ${PIPESTATUS[0]}"
cp /tmp/run/run.json "$OUT/run.json" 2>/dev/null
ls -la "$OUT"

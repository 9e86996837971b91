#!/bin/bash
# On a lent GPU, from the repository root, with carry [".gpu/compare", ".gl"] made by
# prepare-gpu.sh: unpacks the Vulkan loader, Node and Dawn, records the GPU and PyTorch, then runs
# the gpu suite against PyTorch CUDA (f32, and bf16 autocast for the record). compare.js itself
# stops before any case unless the WebGPU adapter is NVIDIA's (--expect-vendor nvidia).
# The JSON document (rewritten after every case), the log and the device facts go to $OUT.
#   bash benchmarks/compare/gpu-run.sh [compare flags, e.g. --reps 5 --only a,b]
set -uo pipefail
: "${OUT:?OUT must name the folder whose files come back}"
source scripts/gpu/runtime.sh
G=.gpu/compare
unpack_gpu_runtime "$G"
export PYTHONUNBUFFERED=1
{
  nvidia-smi -L
  python3 -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name())'
  nproc
} 2>&1 | tee "$OUT/device.txt"
timeout 530 "$G/node" "$G/compare.js" --suite gpu --expect-vendor nvidia --python python3 \
  --torch-script benchmarks/compare/compare_torch.py --out "$OUT/compare-gpu.json" "$@" 2>&1 |
  grep -v maxDynamic | tee "$OUT/compare-gpu.log"
echo "compare exit ${PIPESTATUS[0]}"

#!/bin/bash
# Prepares, on this machine, what a lent GPU needs to run the comparison (docs/gpu.md), in two
# folders that git ignores:
#   .gpu/compare  compare.js (the bundle: one file, only `webgpu` external) and the runtime of
#                 scripts/gpu/runtime.sh: node.xz, dawn.node.xz, node_modules/webgpu
#   .gl           Debian's Vulkan loader and glvnd .debs (the device tool's recipe)
# then checks that the tree plus these folders stays under the 64 MiB a device call carries.
#   bash benchmarks/compare/prepare-gpu.sh
# Then: run `bash benchmarks/compare/gpu-run.sh` with carry [".gpu/compare", ".gl"].
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
source scripts/gpu/runtime.sh
G=.gpu/compare
prepare_gpu_runtime "$G"
pnpm --filter @prefixkit/benchmarks bundle > /dev/null
cp benchmarks/dist/compare.js "$G/"
check_gpu_carry "$G" .gl

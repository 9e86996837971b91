#!/bin/bash
# Prepares, on this machine, what a lent GPU needs to run any experiment command in one call
# (scripts/experiments/gpu-run.sh; docs/gpu.md), in folders git ignores:
#   apps/cli/.gpu  prefixkit.js (the CLI as one file, only `webgpu` external; it sits one folder
#                  below apps/cli so that it finds the CLI's presets and the embedded model as
#                  the CLI does), experiments.js (the experiment driver as one file), data.tar.xz
#                  (the E2E, WebNLG and DART folders of the shared data), and the runtime of
#                  scripts/gpu/runtime.sh: node.xz, dawn.node.xz, node_modules/webgpu
#   .gl            Debian's Vulkan loader .debs
# then checks that the tree, these folders and the run folder to continue (if any) fit a call.
#   bash scripts/experiments/prepare-gpu.sh [RUN_DIR to carry, e.g. runs/low-data]
# Then run `bash scripts/experiments/gpu-run.sh EXPERIMENT RUN_DIR [options]` with carry
# ["apps/cli/.gpu", ".gl"] (and RUN_DIR when continuing a run brought back from an earlier call).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
source scripts/gpu/runtime.sh
G=apps/cli/.gpu
DATA=${PREFIXKIT_SHARED_DATA:-../shared/data}
pnpm build > /dev/null
prepare_gpu_runtime "$G"
rm -rf "$G/data" # the METEOR link a rehearsal made (gpu-run.sh makes it on the device)
banner="import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
bundle() {
  node_modules/.bin/esbuild "$1" --bundle --platform=node --target=node20 --format=esm \
    --external:webgpu --tsconfig="$2" --banner:js="$banner" --outfile="$3" --log-level=error
}
bundle apps/cli/src/bin.ts apps/cli/tsconfig.json "$G/prefixkit.js"
bundle scripts/experiments/src/bundle-entry.ts scripts/experiments/tsconfig.json "$G/experiments.js"
tar -C "$DATA" -cf - e2e webnlg dart | xz -T2 -6 > "$G/data.tar.xz"
check_gpu_carry "$G" .gl ${1:+"$1"}

#!/bin/bash
# Bundles scripts/pretrain/{pretrain,build-corpus}.ts into single ESM files under
# runs/pretrain/bundle/ (only the native `webgpu` package stays external), for machines without
# pnpm or the workspace (a lent GPU: docs/gpu.md). Run from the repository root.
set -euo pipefail
out=runs/pretrain/bundle
mkdir -p "$out"
for entry in pretrain build-corpus; do
  node_modules/.bin/esbuild "scripts/pretrain/$entry.ts" --bundle --platform=node --target=node20 \
    --format=esm --external:webgpu --tsconfig=scripts/pretrain/tsconfig.json \
    --banner:js="import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" \
    --outfile="$out/$entry.mjs" --log-level=warning
done
ls -la "$out"

#!/bin/bash
# Prepares the ignored folder .gpu/pretrain for a lent GPU (../shared/GPU.md): Node (xz), the
# bundled pretrain script, the `webgpu` package with dawn.node (xz), the tokenised corpus and
# run-gpu.sh. The Vulkan loader .debs go in .gl/ (device README, "Headless rendering").
# Then: run `bash .gpu/pretrain/run.sh 300` with carry [".gpu/pretrain", ".gl"].
set -euo pipefail
G=.gpu/pretrain
mkdir -p "$G/node_modules/webgpu"
[ -f "$G/node.xz" ] || xz -T2 -6 -c "$(readlink -f "$(which node)")" > "$G/node.xz"
bash scripts/pretrain/bundle.sh > /dev/null
cp runs/pretrain/bundle/pretrain.mjs "$G/"
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$G/node_modules/webgpu/"
[ -f "$G/dawn.node.xz" ] || xz -T2 -6 -c node_modules/webgpu/dist/linux-x64/dawn.node > "$G/dawn.node.xz"
rm -rf "$G/corpus" && cp -r runs/pretrain/corpus "$G/corpus"
cp scripts/pretrain/run-gpu.sh "$G/run.sh"
du -sh "$G"

#!/bin/bash
# Prepares the ignored folder .gpu/pretrain for a lent GPU (docs/gpu.md): the runtime of
# scripts/gpu/runtime.sh (Node, the `webgpu` package, dawn.node), the bundled pretrain script,
# the tokenised corpus (its
# train.tokens xz-compressed: a corpus with several swap copies would not fit the 64 MiB carry
# otherwise) and run-gpu.sh. The Vulkan loader .debs go in .gl/ (docs/gpu.md).
#   bash scripts/pretrain/prepare-gpu.sh [CORPUS_DIR]     (default runs/pretrain/corpus)
# Then: run `bash .gpu/pretrain/run.sh SECONDS [pretrain flags]` with carry [".gpu/pretrain", ".gl"].
set -euo pipefail
CORPUS=${1:-runs/pretrain/corpus}
source scripts/gpu/runtime.sh
G=.gpu/pretrain
prepare_gpu_runtime "$G"
bash scripts/pretrain/bundle.sh > /dev/null
cp runs/pretrain/bundle/pretrain.mjs "$G/"
# A model to continue from goes in $G/init after this (cp -r MODEL_DIR .gpu/pretrain/init).
rm -rf "$G/corpus" "$G/init" && mkdir -p "$G/corpus"
cp "$CORPUS/corpus.json" "$CORPUS/heldout.tokens" "$G/corpus/"
xz -T2 -6 -c "$CORPUS/train.tokens" > "$G/corpus/train.tokens.xz"
cp scripts/pretrain/run-gpu.sh "$G/run.sh"
du -shL "$G"

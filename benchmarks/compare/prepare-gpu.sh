#!/bin/bash
# Prepares, on this machine, what a lent GPU needs to run the comparison (docs/gpu.md), in two
# folders that git ignores:
#   .gpu/compare  node.xz (this Node), compare.js (the bundle: one file, only `webgpu` external),
#                 node_modules/webgpu/{index.js,package.json} and dawn.node.xz
#   .gl           Debian's Vulkan loader and glvnd .debs (the device tool's recipe)
# then checks that the tree plus these folders stays under the 64 MiB a device call carries.
#   bash benchmarks/compare/prepare-gpu.sh
# Then: run `bash benchmarks/compare/gpu-run.sh` with carry [".gpu/compare", ".gl"].
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
G=.gpu/compare
mkdir -p "$G/node_modules/webgpu"
[ -f "$G/node.xz" ] || xz -T2 -6 -c "$(readlink -f "$(which node)")" > "$G/node.xz"
pnpm --filter @prefixkit/benchmarks bundle > /dev/null
cp benchmarks/dist/compare.js "$G/"
WEBGPU=$(readlink -f packages/tensor/node_modules/webgpu)
cp "$WEBGPU/index.js" "$WEBGPU/package.json" "$G/node_modules/webgpu/"
[ -f "$G/dawn.node.xz" ] || xz -T2 -6 -c "$WEBGPU/dist/linux-x64/dawn.node" > "$G/dawn.node.xz"
if ! ls .gl/*.deb > /dev/null 2>&1; then
  mkdir -p .gl /tmp/amd64/partial
  apt=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64)
  apt-get "${apt[@]}" update > /dev/null
  (cd .gl && apt-get "${apt[@]}" download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
fi
# What a call carries: tracked files, untracked files git does not ignore, and the two folders.
tree=$(git ls-files -z --cached --others --exclude-standard | xargs -0 stat -c %s 2> /dev/null |
  awk '{ s += $1 } END { print s }')
carried=$(du -sbL "$G" .gl | awk '{ s += $1 } END { print s }')
limit=$((64 * 1024 * 1024))
echo "tree $tree bytes + carried $carried bytes = $((tree + carried)) of $limit"
[ $((tree + carried)) -lt $limit ] || { echo "over the 64 MiB a device call carries" >&2; exit 1; }

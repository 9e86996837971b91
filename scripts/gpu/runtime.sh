# What every call to a lent GPU needs besides its own program (docs/gpu.md), in one place for the
# scripts that make such calls (benchmarks/compare, scripts/pretrain, scripts/experiments).
# Source it (bash); DIR arguments are relative to the current folder, and .gl is the one at the
# repository's root. Only check_gpu_carry uses git (the GPU machines have no repository).
#
# Here:
#   prepare_gpu_runtime DIR  puts in DIR this machine's Node (node.xz; the GPU machines are
#                            x86-64 too), the `webgpu` package (node_modules/webgpu: its index.js
#                            and package.json, and dawn.node.xz beside them in DIR), and fills .gl
#                            with Debian's Vulkan loader and glvnd .debs (the device tool's recipe)
#   check_gpu_carry PATH...  fails when the tree plus PATH... would pass the 64 MiB a call carries
# There (on the GPU machine):
#   unpack_gpu_runtime DIR   installs the loader, points it at NVIDIA's driver, and unpacks Node
#                            (DIR/node) and dawn.node (into DIR/node_modules/webgpu)
#   require_nvidia_adapter DIR FILE  writes the adapter WebGPU gets to FILE; fails unless it is
#                            NVIDIA's (a CPU fallback would make every figure meaningless)
# PREFIXKIT_GPU_REHEARSAL=1 runs the "there" half on this machine: this machine's own Vulkan
# (lavapipe) instead of the carried loader, and any adapter accepted.

GPU_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

prepare_gpu_runtime() {
  local dir=$1
  local webgpu
  webgpu=$(readlink -f "$GPU_REPO_ROOT/packages/tensor/node_modules/webgpu")
  # What an unpacking left here (a rehearsal) does not travel: the call unpacks its own.
  rm -rf "$dir/node" "$dir/node_modules/webgpu/dist"
  mkdir -p "$dir/node_modules/webgpu"
  [ -f "$dir/node.xz" ] || xz -T2 -6 -c "$(readlink -f "$(command -v node)")" > "$dir/node.xz"
  cp "$webgpu/index.js" "$webgpu/package.json" "$dir/node_modules/webgpu/"
  [ -f "$dir/dawn.node.xz" ] || xz -T2 -6 -c "$webgpu/dist/linux-x64/dawn.node" > "$dir/dawn.node.xz"
  if ! ls "$GPU_REPO_ROOT"/.gl/*.deb > /dev/null 2>&1; then
    mkdir -p "$GPU_REPO_ROOT/.gl" /tmp/amd64/partial
    local apt=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64)
    apt-get "${apt[@]}" update > /dev/null
    (cd "$GPU_REPO_ROOT/.gl" && apt-get "${apt[@]}" download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
  fi
}

check_gpu_carry() {
  # Tracked files and untracked ones git does not ignore travel with every call, then the carry.
  local tree carried limit=$((64 * 1024 * 1024))
  tree=$(cd "$GPU_REPO_ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 stat -c %s 2> /dev/null |
    awk '{ s += $1 } END { print s + 0 }')
  carried=$(du -sbL "$@" | awk '{ s += $1 } END { print s + 0 }')
  echo "tree $tree bytes + carried $carried bytes = $((tree + carried)) of $limit"
  [ $((tree + carried)) -lt $limit ] || { echo "over the 64 MiB a device call carries" >&2; return 1; }
}

unpack_gpu_runtime() {
  local dir=$1
  if [ "${PREFIXKIT_GPU_REHEARSAL:-}" != 1 ]; then
    for f in "$GPU_REPO_ROOT"/.gl/*.deb; do dpkg -x "$f" /; done
    ldconfig
    export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
  fi
  xz -dc "$dir/node.xz" > "$dir/node" && chmod +x "$dir/node"
  mkdir -p "$dir/node_modules/webgpu/dist/linux-x64"
  xz -dc "$dir/dawn.node.xz" > "$dir/node_modules/webgpu/dist/linux-x64/dawn.node"
}

require_nvidia_adapter() {
  local dir=$1 file=$2
  (cd "$dir" && ./node -e "import('webgpu').then(async (m) => { const a = await m.create([]).requestAdapter(); const i = a.info; console.log(JSON.stringify({ vendor: i.vendor, architecture: i.architecture, device: i.device, description: i.description })); process.exit(0); })") 2>&1 |
    grep -v maxDynamic | tee "$file"
  [ "${PREFIXKIT_GPU_REHEARSAL:-}" = 1 ] && return 0
  grep -q '"vendor":"nvidia"' "$file" || { echo "the adapter is not the NVIDIA GPU: stopping" >&2; return 3; }
}

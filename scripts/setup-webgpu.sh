#!/usr/bin/env bash
# Makes WebGPU (Dawn through the `webgpu` npm package) find an adapter on this machine.
#
# Dawn needs a Vulkan driver. On a machine without a GPU that is Mesa's lavapipe; Debian
# bookworm's own Mesa 22.3 is refused by Dawn, so there we take Mesa from bookworm-backports.
# The backports stanza is derived from the machine's own apt configuration: no mirror's host
# name is written anywhere in this repository.
#
# Idempotent: when an adapter is already found it only prints it and exits.
# Needs `pnpm install` to have run (the probe imports `webgpu`).
set -euo pipefail
cd "$(dirname "$0")/.."

probe() { node scripts/probe-webgpu.mjs "$@"; }

if probe --quiet; then
  probe
  exit 0
fi

echo "setup-webgpu: Dawn found no WebGPU adapter; installing a Vulkan software driver." >&2

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null || [ ! -r /etc/os-release ]; then
  cat >&2 <<'HINT'
setup-webgpu: cannot install a driver automatically here (needs root on Debian or Ubuntu).
Install a Vulkan driver yourself, then run this script again:
  Debian 12 (bookworm):  apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1
  Debian 13+, Ubuntu:     apt-get install mesa-vulkan-drivers libvulkan1
  macOS / Windows:        a GPU driver with Metal / D3D12 / Vulkan is all Dawn needs
HINT
  exit 1
fi

. /etc/os-release
apt_target=()
if [ "${ID:-}" = debian ] && [ "${VERSION_CODENAME:-}" = bookworm ]; then
  backports=/etc/apt/sources.list.d/prefixkit-bookworm-backports.sources
  if [ ! -f "$backports" ]; then
    # Reuse the URI and keyring of the machine's own Debian source.
    uri="" keyring=""
    if [ -r /etc/apt/sources.list.d/debian.sources ]; then
      uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
      keyring=$(awk '/^Signed-By:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$uri" ] && [ -r /etc/apt/sources.list ]; then
      uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' /etc/apt/sources.list)
    fi
    if [ -z "$uri" ]; then
      echo "setup-webgpu: found no Debian source in /etc/apt to derive bookworm-backports from" >&2
      exit 1
    fi
    {
      echo "Types: deb"
      echo "URIs: $uri"
      echo "Suites: bookworm-backports"
      echo "Components: main"
      [ -n "$keyring" ] && echo "Signed-By: $keyring"
    } > "$backports.tmp"
    mv "$backports.tmp" "$backports"
  fi
  apt_target=(-t bookworm-backports)
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${apt_target[@]}" mesa-vulkan-drivers libvulkan1 >/dev/null

if ! probe; then
  echo "setup-webgpu: installed the driver but Dawn still finds no adapter" >&2
  exit 1
fi

#!/usr/bin/env bash
# One-time (and idempotent) setup of a fresh machine with Node 20: pnpm, the workspace's
# dependencies, and a WebGPU adapter for Dawn. Fast when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi
pnpm install --frozen-lockfile
bash scripts/setup-webgpu.sh

# The demo site's browser tests (apps/demo) drive a real Chromium; its WebGPU runs on SwiftShader
# where there is no GPU. Installed like the Vulkan driver: as root on Debian/Ubuntu, else a hint.
chromium_bin="${PREFIXKIT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing Chromium for the demo's browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x "$chromium_bin" ]; then
    cat >&2 <<HINT
setup: no Chromium at $chromium_bin; the demo's browser tests need one (they fail in CI without it).
  Debian:  apt-get install chromium
  Ubuntu:  a Chromium that is not a snap wrapper, e.g. from Debian's package, or Google Chrome
  Other:   any Chromium 113+ binary, named by PREFIXKIT_CHROMIUM=/path/to/chromium
HINT
    if [ -n "${CI:-}" ]; then exit 1; fi
  fi
fi

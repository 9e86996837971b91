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

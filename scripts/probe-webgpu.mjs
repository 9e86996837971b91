#!/usr/bin/env node
// Asks Dawn (the `webgpu` package) for an adapter and prints what it found.
//   --quiet    print nothing; exit 0 when an adapter exists, 1 otherwise
//   --verbose  also print features and every limit
// Without an adapter it exits 1. `pnpm test` runs it first, so a machine without WebGPU fails the
// test command at once with the fix, instead of skipping the WebGPU tests (CI must never skip them).
// `pnpm doctor` and the setup script run it too; `prefixkit doctor` is the CLI's fuller report.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { create, globals } from 'webgpu';

// Dawn's native code prints two harmless warnings straight to stderr when it opens a Vulkan
// adapter ("maxDynamic{Uniform,Storage}BuffersPerPipelineLayout artificially reduced"; prefixkit
// binds no buffer with a dynamic offset). A native write cannot be filtered in-process, so the
// probe runs itself as a child and drops exactly those two lines.
const dawnLimitWarning =
  /^Warning: maxDynamic(?:Uniform|Storage)BuffersPerPipelineLayout artificially reduced from \d+ to \d+/;
if (process.env.PREFIXKIT_PROBE_CHILD !== '1') {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      env: { ...process.env, PREFIXKIT_PROBE_CHILD: '1' },
      stdio: ['inherit', 'inherit', 'pipe'],
      encoding: 'utf8',
    },
  );
  const kept = (child.stderr ?? '').split('\n').filter((line) => !dawnLimitWarning.test(line));
  process.stderr.write(kept.join('\n'));
  process.exit(child.status ?? 1);
}

const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const verbose = args.has('--verbose');
Object.assign(globalThis, globals);

const HINT = `No WebGPU adapter. Dawn needs a Vulkan driver; without a GPU that is Mesa's lavapipe:
  run \`bash scripts/setup-webgpu.sh\` (as root on Debian/Ubuntu it installs it), or
  Debian 12: apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1`;

let adapter = null;
try {
  adapter = await create([]).requestAdapter();
} catch (error) {
  if (!quiet) console.error(`requestAdapter failed: ${error?.message ?? error}`);
}
if (!adapter) {
  if (!quiet) console.error(HINT);
  process.exit(1);
}
if (quiet) process.exit(0);

const info = adapter.info;
const line = [
  `WebGPU adapter: ${info.vendor || '?'} / ${info.architecture || '?'}`,
  info.description ? `(${info.description})` : '',
  adapter.isFallbackAdapter || info.isFallbackAdapter ? '[fallback]' : '',
].filter(Boolean);
console.log(line.join(' '));
const features = [...adapter.features].sort();
console.log(`features: ${features.join(', ') || '(none)'}`);
if (verbose) {
  for (const key of Object.keys(Object.getPrototypeOf(adapter.limits)).sort()) {
    console.log(`  ${key}: ${adapter.limits[key]}`);
  }
}
process.exit(0);

// Headless Chromium for the browser tests: Debian's chromium driven by playwright-core, with
// WebGPU on (SwiftShader's adapter when there is no GPU). Where the browser is missing the tests
// are skipped with the command that installs it, except in CI (CI=true), where they fail.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const chromiumPath = process.env.PREFIXKIT_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumMissingHint = `no Chromium at ${chromiumPath}: run \`bash scripts/setup.sh\` (as root on Debian/Ubuntu it installs the chromium package) or set PREFIXKIT_CHROMIUM to a Chromium binary`;

/** True when the browser tests can run; throws in CI when they cannot (CI never skips them). */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const ci = process.env.CI;
  if (ci && ci !== 'false' && ci !== '0') throw new Error(chromiumMissingHint);
  console.warn(`skipping the demo's browser tests: ${chromiumMissingHint}`);
  return false;
}

const quietFlags = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A fresh profile; `webgpu: false` leaves WebGPU off (the fallback page's test). */
export async function launchChromium(options: { webgpu: boolean }): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'prefixkit-demo-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    args: [
      ...quietFlags,
      ...(options.webgpu ? ['--enable-unsafe-webgpu'] : ['--disable-features=WebGPU']),
    ],
  });
}

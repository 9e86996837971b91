// The WebGPU backend shared by every conformance test file (webgpu-torch's one-suite-per-device
// idea). Without an adapter: in CI (process.env.CI set) getWebGpuBackend() throws a
// WebGPUUnavailableError with the install hint, so the suite fails instead of silently
// skipping; elsewhere the tests that ask for it are skipped with a message saying why.
import { afterAll } from 'vitest';
import { WebGPUUnavailableError } from '../src/backends/webgpu/errors';
import { releaseDevice } from '../src/backends/webgpu/request-device.node.js';
import type { WebGpuBackend } from '../src/backends/webgpu/webgpu-backend';
import { createWebGpuBackend } from '../src/node';

let shared: Promise<WebGpuBackend> | undefined;
let skipNoticePrinted = false;

/** The part of vitest's test context used to skip a test. */
interface SkippableContext {
  skip(note?: string): void;
}

/**
 * The file's shared WebGPU backend. Pass the test context (`it('...', async (context) => ...)`)
 * so that, outside CI and without an adapter, the test is skipped instead of failing.
 */
export async function getWebGpuBackend(context?: SkippableContext): Promise<WebGpuBackend> {
  shared ??= createWebGpuBackend();
  try {
    return await shared;
  } catch (error) {
    if (!(error instanceof WebGPUUnavailableError) || process.env.CI || !context) throw error;
    if (!skipNoticePrinted) {
      skipNoticePrinted = true;
      console.warn(`Skipping WebGPU tests (set CI=1 to make this fail):\n${error.message}`);
    }
    context.skip('no WebGPU adapter (see the install hint printed above)');
    throw error;
  }
}

afterAll(async () => {
  const backend = await shared?.catch(() => undefined);
  backend?.destroy();
  shared = undefined;
  await releaseDevice();
});

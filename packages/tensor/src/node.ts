// The Node entry of @prefixkit/tensor (`@prefixkit/tensor/node`): the WebGPU backend on Dawn
// (the native `webgpu` package). Only this entry reaches the addon, so `@prefixkit/tensor`
// itself stays browser-safe.

import type { WebGpuDeviceOptions } from './backends/webgpu/open-device';
// '.node.js', not '.node': tsup treats a specifier ending in '.node' as a native addon.
import { releaseDevice, requestDevice } from './backends/webgpu/request-device.node.js';
import { WebGpuBackend, type WebGpuBackendOptions } from './backends/webgpu/webgpu-backend';

export type CreateWebGpuBackendOptions = WebGpuDeviceOptions & WebGpuBackendOptions;

/**
 * A WebGPU backend on Node's shared Dawn device (created on first use with the adapter's full
 * limits). Throws WebGPUUnavailableError when there is no adapter.
 * @example
 * const backend = await createWebGpuBackend();
 * // ... use it ...
 * backend.destroy();
 * await releaseDevice(); // lets Node exit
 */
export async function createWebGpuBackend(
  options: CreateWebGpuBackendOptions = {},
): Promise<WebGpuBackend> {
  const opened = await requestDevice(options);
  // Dawn's binding polls while waiting: on a software adapter that spinning takes a core from
  // the device's own threads (WaitPacer).
  return new WebGpuBackend(opened, {
    sleepWhileWaiting: opened.adapter.isFallbackAdapter,
    ...options,
  });
}

export type { AdapterDescription, OpenedDevice } from './backends/webgpu/open-device';
export type { WebGpuBackendOptions, WebGpuDeviceOptions };
export { releaseDevice, requestDevice, WebGpuBackend };

// The browser entry of the WebGPU backend: the same backend as '@prefixkit/tensor/node', on the
// page's navigator.gpu. Browser-safe (no `webgpu` addon, no node:* imports).
import type { WebGpuDeviceOptions } from './backends/webgpu/open-device';
import { releaseDevice, requestDevice } from './backends/webgpu/request-device.browser';
import { WebGpuBackend, type WebGpuBackendOptions } from './backends/webgpu/webgpu-backend';

export type CreateWebGpuBackendOptions = WebGpuDeviceOptions & WebGpuBackendOptions;

/**
 * A WebGPU backend on the page's device (full adapter limits). Rejects with
 * WebGPUUnavailableError when the browser has no WebGPU.
 * @example const backend = await createWebGpuBackend();
 */
export async function createWebGpuBackend(
  options: CreateWebGpuBackendOptions = {},
): Promise<WebGpuBackend> {
  return new WebGpuBackend(await requestDevice(options), options);
}

export type { WebGpuBackendOptions, WebGpuDeviceOptions };
export { releaseDevice, requestDevice, WebGpuBackend };

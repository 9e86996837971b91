// The Node entry of @prefixkit/tensor (`@prefixkit/tensor/node`): the WebGPU backend on Dawn
// (the native `webgpu` package). Only this entry reaches the addon, so `@prefixkit/tensor`
// itself stays browser-safe.

import type { WebGpuDeviceOptions } from './backends/webgpu/open-device';
// '.node.js', not '.node': tsup treats a specifier ending in '.node' as a native addon.
import {
  type DeviceHold,
  holdDevice,
  releaseDevice,
  requestDevice,
} from './backends/webgpu/request-device.node.js';
import { WebGpuBackend, type WebGpuBackendOptions } from './backends/webgpu/webgpu-backend';

export type CreateWebGpuBackendOptions = WebGpuDeviceOptions & WebGpuBackendOptions;

/**
 * A WebGPU backend on Node's shared Dawn device (created on first use with the adapter's full
 * limits). It holds the device: destroy() releases the hold, and the device goes with the last
 * hold, so backends made here never destroy each other's device. Throws WebGPUUnavailableError
 * when there is no adapter.
 * @example
 * const backend = await createWebGpuBackend();
 * // ... use it ...
 * backend.destroy(); // lets Node exit once no other backend holds the device
 */
export async function createWebGpuBackend(
  options: CreateWebGpuBackendOptions = {},
): Promise<WebGpuBackend> {
  const hold = await holdDevice(options);
  const { onDestroy } = options;
  // Dawn's binding polls while waiting: on a software adapter that spinning takes a core from
  // the device's own threads (WaitPacer).
  try {
    return new WebGpuBackend(hold.opened, {
      sleepWhileWaiting: hold.opened.adapter.isFallbackAdapter,
      ...options,
      onDestroy: () => {
        hold.release();
        onDestroy?.();
      },
    });
  } catch (error) {
    hold.release();
    throw error;
  }
}

export type { AdapterDescription, OpenedDevice } from './backends/webgpu/open-device';
export type { DeviceHold, WebGpuBackendOptions, WebGpuDeviceOptions };
export { holdDevice, releaseDevice, requestDevice, WebGpuBackend };

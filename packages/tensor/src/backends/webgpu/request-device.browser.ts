// The browser's WebGPU device (navigator.gpu), with the same full-limits request as Node.
import { WebGPUUnavailableError } from './errors';
import { type OpenedDevice, openDevice, type WebGpuDeviceOptions } from './open-device';

let held: Promise<OpenedDevice> | undefined;

/** The page's shared device; rejects with WebGPUUnavailableError when the browser has none. */
export function requestDevice(options: WebGpuDeviceOptions = {}): Promise<OpenedDevice> {
  if (held) return held;
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu)
    return Promise.reject(new WebGPUUnavailableError('navigator.gpu is missing in this browser.'));
  held = openDevice(gpu, options);
  held.catch(() => {
    held = undefined;
  });
  return held;
}

/** Destroys the page's device; the next requestDevice() makes a new one. */
export async function releaseDevice(): Promise<void> {
  const pending = held;
  held = undefined;
  if (pending) (await pending.catch(() => undefined))?.device.destroy();
}

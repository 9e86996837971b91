// The one owner of the Node WebGPU device (Dawn through the `webgpu` package). Only this file
// imports the native addon, so browser bundles never see it. Dawn keeps Node alive while the
// `GPU` object or a device is referenced (the package's README): call releaseDevice() on exit.
import { create, globals } from 'webgpu';
import { type OpenedDevice, openDevice, type WebGpuDeviceOptions } from './open-device';
import { dawnInstanceFlags } from './webgpu-flags';

// One Dawn instance per process. A second create() whose device is later destroyed stops the
// first instance's async callbacks (mapAsync never settles once work is in flight; seen with
// webgpu 0.6.2), so every device here comes from this one instance.
let gpu: GPU | undefined;
// One device per distinct option set (Dawn gives one device per adapter request).
const held = new Map<string, Promise<OpenedDevice>>();

function optionsKey(options: WebGpuDeviceOptions): string {
  return `f16=${options.shaderF16 === true};power=${options.powerPreference ?? ''}`;
}

/**
 * The shared Node device for these options, created on first use with the adapter's full limits.
 * @example const { device } = await requestDevice(); // ... releaseDevice();
 */
export function requestDevice(options: WebGpuDeviceOptions = {}): Promise<OpenedDevice> {
  const key = optionsKey(options);
  const existing = held.get(key);
  if (existing) return existing;
  if (!gpu) {
    // GPUBufferUsage, GPUMapMode, ... as globals, the way a browser has them.
    for (const [name, value] of Object.entries(globals)) {
      if (!(name in globalThis))
        Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    }
    gpu = create(dawnInstanceFlags());
  }
  const opened = openDevice(gpu, options);
  held.set(key, opened);
  // A failed or lost device is forgotten, so the next request makes a fresh one.
  opened.then(
    ({ device }) => device.lost.then(() => held.get(key) === opened && held.delete(key)),
    () => held.get(key) === opened && held.delete(key),
  );
  return opened;
}

/** Destroys every device this module created and drops the Dawn instance so Node can exit. */
export async function releaseDevice(): Promise<void> {
  const pending = [...held.values()];
  held.clear();
  for (const opened of pending) {
    try {
      (await opened).device.destroy();
    } catch {
      // A device that never opened has nothing to destroy.
    }
  }
  gpu = undefined;
}

// The one owner of the Node WebGPU device (Dawn through the `webgpu` package). Only this file
// imports the native addon, so browser bundles never see it. Dawn keeps Node alive while the
// `GPU` object or a device is referenced (the package's README): release every hold, or call
// releaseDevice() on exit.
import { create, globals } from 'webgpu';
import { type OpenedDevice, openDevice, type WebGpuDeviceOptions } from './open-device';
import { dawnInstanceFlags } from './webgpu-flags';

// One Dawn instance per process. A second create() whose device is later destroyed stops the
// first instance's async callbacks (mapAsync never settles once work is in flight; seen with
// webgpu 0.6.2), so every device here comes from this one instance.
let gpu: GPU | undefined;

/**
 * One device per distinct option set (Dawn gives one device per adapter request), shared by every
 * user in the process. A device handed out by requestDevice() is pinned: only releaseDevice()
 * destroys it. One reached only through holds (createWebGpuBackend) is destroyed when its last
 * hold is released, so one user finishing never destroys a device another still computes on.
 */
interface SharedDevice {
  readonly key: string;
  readonly opened: Promise<OpenedDevice>;
  holds: number;
  pinned: boolean;
}
const held = new Map<string, SharedDevice>();

/** A claim on the shared device: release() once done with it (idempotent). */
export interface DeviceHold {
  readonly opened: OpenedDevice;
  release(): void;
}

function optionsKey(options: WebGpuDeviceOptions): string {
  return `f16=${options.shaderF16 === true};power=${options.powerPreference ?? ''}`;
}

/** Drops `shared` from the map unless a newer device has taken its place. */
function forget(shared: SharedDevice): void {
  if (held.get(shared.key) === shared) held.delete(shared.key);
}

function sharedDevice(options: WebGpuDeviceOptions): SharedDevice {
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
  const shared: SharedDevice = { key, opened: openDevice(gpu, options), holds: 0, pinned: false };
  held.set(key, shared);
  // A failed or lost device is forgotten, so the next request makes a fresh one.
  shared.opened.then(
    ({ device }) => device.lost.then(() => forget(shared)),
    () => forget(shared),
  );
  return shared;
}

/**
 * The shared Node device for these options, created on first use with the adapter's full limits.
 * It stays until releaseDevice().
 * @example const { device } = await requestDevice(); // ... releaseDevice();
 */
export function requestDevice(options: WebGpuDeviceOptions = {}): Promise<OpenedDevice> {
  const shared = sharedDevice(options);
  shared.pinned = true;
  return shared.opened;
}

/**
 * A hold on the shared Node device for these options: the device is destroyed when the last hold
 * is released (unless requestDevice() pinned it), and Node may exit once no device is left.
 */
export async function holdDevice(options: WebGpuDeviceOptions = {}): Promise<DeviceHold> {
  const shared = sharedDevice(options);
  shared.holds += 1;
  let opened: OpenedDevice;
  try {
    opened = await shared.opened;
  } catch (error) {
    shared.holds -= 1;
    throw error;
  }
  let released = false;
  return {
    opened,
    release() {
      if (released) return;
      released = true;
      shared.holds -= 1;
      if (shared.holds > 0 || shared.pinned) return;
      forget(shared);
      opened.device.destroy();
      if (held.size === 0) gpu = undefined;
    },
  };
}

/** Destroys every device this module created and drops the Dawn instance so Node can exit. */
export async function releaseDevice(): Promise<void> {
  const pending = [...held.values()];
  held.clear();
  for (const shared of pending) {
    try {
      (await shared.opened).device.destroy();
    } catch {
      // A device that never opened has nothing to destroy.
    }
  }
  gpu = undefined;
}

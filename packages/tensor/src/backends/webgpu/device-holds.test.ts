// Node's shared device: backends made by createWebGpuBackend hold it, and destroying one never
// destroys the device under another; the last hold does, unless requestDevice() pinned it. Each
// test uses an option set of its own, so it gets a device of its own from the one Dawn instance.
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { createWebGpuBackend } from '../../node';
import { DeviceLostError } from './errors';
import { holdDevice, requestDevice } from './request-device.node.js';
import type { WebGpuBackend } from './webgpu-backend';

async function roundTrip(backend: WebGpuBackend): Promise<number[]> {
  const buffer = backend.allocate(3, 'f32');
  backend.write(buffer, new Float32Array([1, 2, 3]));
  const values = Array.from(await backend.read(buffer));
  backend.release(buffer);
  return values;
}

describe('shared device holds', () => {
  it('keeps the device while another backend holds it, and destroys it with the last hold', async (context) => {
    await getWebGpuBackend(context); // skips without an adapter, like the other tests
    const options = { powerPreference: 'high-performance' } as const;
    const first = await createWebGpuBackend(options);
    const second = await createWebGpuBackend(options);
    expect(second.device).toBe(first.device);
    first.destroy();
    expect(await roundTrip(second)).toEqual([1, 2, 3]);
    second.destroy();
    const lost = await second.device.lost;
    expect(lost.reason).toBe('destroyed');
    // The next backend gets a fresh device.
    const third = await createWebGpuBackend(options);
    expect(third.device).not.toBe(first.device);
    expect(await roundTrip(third)).toEqual([1, 2, 3]);
    third.destroy();
  });

  it('leaves a device pinned by requestDevice() alone when the last hold goes', async (context) => {
    await getWebGpuBackend(context);
    const options = { powerPreference: 'low-power' } as const;
    const pinned = await requestDevice(options);
    const backend = await createWebGpuBackend(options);
    expect(backend.device).toBe(pinned.device);
    backend.destroy();
    backend.destroy(); // a second destroy releases nothing more
    const other = await createWebGpuBackend(options);
    expect(other.device).toBe(pinned.device);
    expect(await roundTrip(other)).toEqual([1, 2, 3]);
    // Only destroying the pinned device itself ends it.
    pinned.device.destroy();
    await pinned.device.lost;
    expect(() => other.allocate(1, 'f32')).toThrow(DeviceLostError);
    other.destroy();
  });

  it('counts a hold released twice once', async (context) => {
    await getWebGpuBackend(context);
    const options = { powerPreference: 'high-performance', shaderF16: false } as const;
    const a = await holdDevice(options);
    const b = await holdDevice(options);
    expect(b.opened.device).toBe(a.opened.device);
    a.release();
    a.release();
    // b still holds it: the device must still run work.
    const queueDone = b.opened.device.queue.onSubmittedWorkDone();
    await expect(queueDone).resolves.toBeUndefined();
    b.release();
    expect((await b.opened.device.lost).reason).toBe('destroyed');
  });
});

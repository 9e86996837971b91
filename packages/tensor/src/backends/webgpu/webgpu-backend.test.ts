// The WebGPU backend's own behaviour (not a kernel's): data round trips, copies, the buffer
// pool and live count, lazy batching with per-dispatch uniforms, typed errors.
import { InternalError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { KernelSpec } from '../../kernels/kernel-spec';
import {
  DeviceLostError,
  GpuLimitExceededError,
  ShaderCompileError,
  UnsupportedDTypeError,
} from './errors';
import { requestDevice } from './request-device.node.js';
import { WebGpuBackend } from './webgpu-backend';

const brokenWgsl = [
  '@group(0) @binding(0) var<storage, read_write> out: array<f32>;',
  '@compute @workgroup_size(1)',
  'fn main() {',
  '  out[0] = 1.0;',
  '  out[1] = undefinedThing;',
  '}',
].join('\n');

const brokenSpec: KernelSpec = {
  name: 'brokenOnPurpose',
  wgsl: () => brokenWgsl,
  inputs: [],
  outputs: [{ name: 'out', type: 'f32' }],
  uniforms: [],
  workgroupSize: [1, 1, 1],
  dispatch: () => [1, 1, 1],
  tolerance: { atol: 0, rtol: 0 },
};

/** Uniforms of a plain (M, K) @ (K, N) product. */
function plain(M: number, N: number, K: number) {
  return { batch: 1, M, N, K, transposeA: 0, transposeB: 0, strideA: 0, strideB: 0, strideC: 0 };
}

describe('WebGpuBackend', () => {
  it('round-trips f32 and i32 data, including a write at an offset', async (context) => {
    const backend = await getWebGpuBackend(context);
    const floats = backend.allocate(7, 'f32');
    backend.write(floats, new Float32Array([1.5, -2, 3, 4, 5, 6, 7]));
    backend.write(floats, new Float32Array([10, 11]), 5);
    expect(Array.from(await backend.read(floats))).toEqual([1.5, -2, 3, 4, 5, 10, 11]);
    const ints = backend.allocate(3, 'i32');
    backend.write(ints, new Int32Array([-1, 2 ** 31 - 1, 50256]));
    const read = await backend.read(ints);
    expect(read).toBeInstanceOf(Int32Array);
    expect(Array.from(read)).toEqual([-1, 2 ** 31 - 1, 50256]);
    backend.release(floats);
    backend.release(ints);
  });

  it('copies between buffers and within one buffer', async (context) => {
    const backend = await getWebGpuBackend(context);
    const source = backend.allocate(6, 'f32');
    const target = backend.allocate(5, 'f32');
    backend.write(source, new Float32Array([1, 2, 3, 4, 5, 6]));
    backend.copy(source, 2, target, 1, 3);
    backend.copy(source, 0, source, 3, 3);
    expect(Array.from(await backend.read(target))).toEqual([0, 3, 4, 5, 0]);
    expect(Array.from(await backend.read(source))).toEqual([1, 2, 3, 1, 2, 3]);
    backend.release(source);
    backend.release(target);
  });

  it('reuses released buffers from the pool, zero-filled, and counts live buffers', async (context) => {
    const backend = await getWebGpuBackend(context);
    const before = backend.liveBufferCount();
    const first = backend.allocate(1000, 'f32');
    backend.write(first, new Float32Array(1000).fill(9));
    await backend.synchronize();
    expect(backend.liveBufferCount()).toBe(before + 1);
    const created = backend.gpuBufferCount();
    backend.release(first);
    expect(backend.liveBufferCount()).toBe(before);
    // 990 floats fall in the same size class as 1000, so no new GPU buffer is made.
    const second = backend.allocate(990, 'f32');
    expect(backend.gpuBufferCount()).toBe(created);
    expect((await backend.read(second)).every((value) => value === 0)).toBe(true);
    backend.release(second);
    expect(backend.liveBufferCount()).toBe(before);
    expect(() => backend.release(second)).toThrow(InternalError);
  });

  it('batches many dispatches, each with its own uniforms, until read', async (context) => {
    const backend = await getWebGpuBackend(context);
    // 300 dispatches (beyond the 256 pending threshold): c_i = a[0:1, 0:i%5+1] @ b[0:i%5+1, 0:1].
    const a = backend.allocate(5, 'f32');
    const b = backend.allocate(5, 'f32');
    backend.write(a, new Float32Array([1, 2, 3, 4, 5]));
    backend.write(b, new Float32Array([1, 10, 100, 1000, 10000]));
    const outputs = Array.from({ length: 300 }, () => backend.allocate(1, 'f32'));
    for (const [index, c] of outputs.entries()) {
      backend.run('matmul', {
        inputs: [a, b],
        outputs: [c],
        uniforms: plain(1, 1, (index % 5) + 1),
      });
    }
    // Writing `a` after recording must not change what the recorded dispatches read.
    backend.write(a, new Float32Array([0, 0, 0, 0, 0]));
    const prefixSums = [1, 21, 321, 4321, 54321];
    for (const [index, c] of outputs.entries()) {
      expect((await backend.read(c))[0]).toBe(prefixSums[index % 5]);
    }
    for (const buffer of [a, b, ...outputs]) backend.release(buffer);
  });

  it('refuses f64 buffers with a typed error', async (context) => {
    const backend = await getWebGpuBackend(context);
    expect(() => backend.allocate(4, 'f64')).toThrow(UnsupportedDTypeError);
    expect(() => backend.allocate(4, 'f64')).toThrow(/f64 is not supported on the WebGPU backend/);
  });

  it('reports a dispatch beyond the device limits with a typed error', async (context) => {
    const backend = await getWebGpuBackend(context);
    const a = backend.allocate(1, 'f32');
    const c = backend.allocate(1, 'f32');
    const huge = plain(1, 70_000 * 64, 1);
    expect(() => backend.run('matmul', { inputs: [a, a], outputs: [c], uniforms: huge })).toThrow(
      GpuLimitExceededError,
    );
    backend.release(a);
    backend.release(c);
  });

  it('names the kernel and the WGSL line of a shader that does not compile', async (context) => {
    const backend = await getWebGpuBackend(context);
    const out = backend.allocate(2, 'f32');
    backend.runSpec(brokenSpec, { inputs: [], outputs: [out] });
    const error = await backend.synchronize().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ShaderCompileError);
    const compileError = error as ShaderCompileError;
    expect(compileError.kernel).toBe('brokenOnPurpose');
    expect(compileError.line).toBe(5);
    expect(compileError.message).toMatch(/kernel brokenOnPurpose, WGSL line 5:/);
    expect(compileError.message).toContain('undefinedThing');
    // The cached pipeline keeps failing fast, synchronously.
    expect(() => backend.runSpec(brokenSpec, { inputs: [], outputs: [out] })).toThrow(
      ShaderCompileError,
    );
    backend.release(out);
  });

  it('turns a lost device into a DeviceLostError on the next call', async (context) => {
    await getWebGpuBackend(context); // skips without an adapter, like the other tests
    // Another option set gets its own device from the same Dawn instance, so destroying it
    // leaves the shared one alone. (Not a second create(): see request-device.node.ts.)
    const opened = await requestDevice({ powerPreference: 'low-power' });
    const backend = new WebGpuBackend(opened);
    const buffer = backend.allocate(4, 'f32');
    opened.device.destroy();
    await opened.device.lost;
    expect(() => backend.allocate(4, 'f32')).toThrow(DeviceLostError);
    await expect(backend.read(buffer)).rejects.toThrow(/device lost \(reason: destroyed\)/);
  });

  it('flushes when the uniform arena of a batch is full', async (context) => {
    await getWebGpuBackend(context);
    // No dispatch-count threshold: 3000 dispatches x 48-byte uniforms overflow the 64 KiB arena.
    const backend = new WebGpuBackend(await requestDevice(), { maxPendingDispatches: 1e9 });
    const a = backend.allocate(3, 'f32');
    const b = backend.allocate(3, 'f32');
    backend.write(a, new Float32Array([1, 2, 3]));
    backend.write(b, new Float32Array([100, 10, 1]));
    const outputs = Array.from({ length: 3000 }, () => backend.allocate(1, 'f32'));
    for (const [index, c] of outputs.entries()) {
      backend.run('matmul', {
        inputs: [a, b],
        outputs: [c],
        uniforms: plain(1, 1, (index % 3) + 1),
      });
    }
    const sums = [100, 120, 123];
    for (const index of [0, 1, 2, 1364, 1365, 1366, 2998, 2999]) {
      expect((await backend.read(outputs[index]!))[0]).toBe(sums[index % 3]);
    }
    backend.destroy();
  });
});

// Tensor.write: in-place host writes with size, offset and dtype checks (CPU; the WebGPU
// ordering after pending work is checked in the last test when an adapter exists).
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  AdamW,
  add,
  DTypeMismatchError,
  InvalidArgumentError,
  reshape,
  ShapeMismatchError,
  TensorDisposedError,
  tensor,
  zeros,
} from '../src/index';
import { getWebGpuBackend } from './webgpu-fixture';

const cpu = new CpuBackend();

describe('Tensor.version', () => {
  it('moves with every in-place write (host writes, optimiser steps), shared by views', async () => {
    const w = zeros([2, 2], { backend: cpu });
    const view = reshape(w, [4]);
    expect(w.version).toBe(0);
    w.write([1, 2, 3, 4]);
    expect([w.version, view.version]).toEqual([1, 1]);
    const sum = add(w, w);
    await w.data();
    expect(w.version).toBe(1);
    w.requiresGrad = true;
    w.grad = tensor([1, 1, 1, 1], [2, 2], { backend: cpu });
    new AdamW([w], { lr: 0.1 }).step();
    expect(view.version).toBe(2);
    expect(sum.version).toBe(1); // written once, by the kernel that made it
  });
});

describe('Tensor.write', () => {
  it('overwrites all values, or a range from an offset, in the same storage', async () => {
    const x = zeros([2, 3], { backend: cpu });
    const view = reshape(x, [6]);
    x.write([1, 2, 3, 4, 5, 6]);
    expect(await view.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    x.write(Float64Array.from([0.5, -0.5]), { offset: 4 });
    expect(await x.toArray()).toEqual([1, 2, 3, 4, 0.5, -0.5]);
    const f64 = zeros([2], { backend: cpu, dtype: 'f64' });
    f64.write(Float32Array.from([0.25, 3]));
    expect(await f64.toArray()).toEqual([0.25, 3]);
    const ids = zeros([3], { backend: cpu, dtype: 'i32' });
    ids.write([7, -100, 2]);
    expect(Array.from(await ids.data())).toEqual([7, -100, 2]);
  });

  it('rejects wrong sizes, offsets, dtypes and disposed tensors with typed errors', () => {
    const x = zeros([2, 2], { backend: cpu });
    expect(() => x.write([1, 2, 3])).toThrow(ShapeMismatchError);
    expect(() => x.write([1, 2, 3], { offset: 2 })).toThrow(ShapeMismatchError);
    expect(() => x.write([1], { offset: -1 })).toThrow(InvalidArgumentError);
    expect(() => x.write([1], { offset: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => x.write(new Int32Array(4))).toThrow(DTypeMismatchError);
    const ids = zeros([2], { backend: cpu, dtype: 'i32' });
    expect(() => ids.write(new Float32Array(2))).toThrow(DTypeMismatchError);
    expect(() => ids.write([1, 2.5])).toThrow(InvalidArgumentError);
    expect(() => ids.write([1, 2 ** 31])).toThrow(InvalidArgumentError);
    x.dispose();
    expect(() => x.write([1, 2, 3, 4])).toThrow(TensorDisposedError);
  });

  it('on WebGPU, lands after ops already issued and before later ones', async (context) => {
    const gpu = await getWebGpuBackend(context);
    const x = tensor([1, 2, 3], [3], { backend: gpu });
    const before = add(x, x); // recorded, not yet submitted
    x.write([10, 20, 30]);
    const after = add(x, x);
    expect(await before.toArray()).toEqual([2, 4, 6]);
    expect(await after.toArray()).toEqual([20, 40, 60]);
    for (const t of [x, before, after]) t.dispose();
  });

  it('on WebGPU, keeps that order for many writes in one batch, small and large', async (context) => {
    const gpu = await getWebGpuBackend(context);
    // Small writes share the batch's upload arena; one of 512 KiB takes a staging buffer.
    const big = 128 * 1024;
    const x = zeros([big], { backend: gpu });
    const sums = [];
    for (let round = 1; round <= 40; round++) {
      const offset = (round * 997) % (big - 3);
      if (round === 20) x.write(new Float32Array(big).fill(-1));
      x.write([round, round + 1, round + 2], { offset });
      sums.push({ offset, round, sum: add(x, x) });
    }
    for (const { offset, round, sum } of sums) {
      const values = await sum.data();
      expect(Array.from(values.subarray(offset, offset + 3)), `round ${round}`).toEqual([
        2 * round,
        2 * round + 2,
        2 * round + 4,
      ]);
      if (round >= 20) expect(values[(offset + 5) % big], `round ${round}`).toBe(-2);
      sum.dispose();
    }
    x.dispose();
  });
});

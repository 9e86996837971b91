// Integer helpers (maskedFill, shiftLabels) on the CPU backend and on WebGPU, against values
// worked out by hand, plus their typed errors.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../src/backends/backend';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  DTypeMismatchError,
  InvalidArgumentError,
  maskedFill,
  ShapeMismatchError,
  shiftLabels,
  tensor,
} from '../src/index';
import { getWebGpuBackend } from './webgpu-fixture';

const backends: [string, (context: { skip(note?: string): void }) => Promise<Backend>][] = [
  ['cpu', async () => new CpuBackend()],
  ['webgpu', (context) => getWebGpuBackend(context)],
];

describe.each(backends)('integer helpers on %s', (_, getBackend) => {
  it('maskedFill puts the value where the mask is set', async (context) => {
    const backend = await getBackend(context);
    const ids = tensor(Int32Array.from([5, 6, 7, 0, 0, 9]), [2, 3], { backend });
    const padding = tensor(Int32Array.from([0, 0, 0, 1, 1, 0]), [2, 3], { backend });
    const labels = maskedFill(ids, padding, -100);
    expect(labels.dtype).toBe('i32');
    expect(await labels.toArray()).toEqual([5, 6, 7, -100, -100, 9]);
  });
  it('shiftLabels moves ids left by one and ends each row with the ignore index', async (context) => {
    const backend = await getBackend(context);
    const ids = tensor(Int32Array.from([5, 6, 7, 1, 2, 3]), [2, 3], { backend });
    expect(await shiftLabels(ids).toArray()).toEqual([6, 7, -100, 2, 3, -100]);
    expect(await shiftLabels(ids, { ignoreIndex: 0 }).toArray()).toEqual([6, 7, 0, 2, 3, 0]);
    const single = tensor(Int32Array.from([4]), [1, 1], { backend });
    expect(await shiftLabels(single).toArray()).toEqual([-100]);
  });
});

describe('integer helpers: typed errors', () => {
  const cpu = new CpuBackend();
  const ids = tensor(Int32Array.from([1, 2]), [2], { backend: cpu });
  it('rejects floats, shape mismatches and non-integer values', () => {
    expect(() => maskedFill(tensor([1, 2], [2], { backend: cpu }), ids, 0)).toThrow(
      DTypeMismatchError,
    );
    expect(() => maskedFill(ids, tensor(Int32Array.from([1]), [1], { backend: cpu }), 0)).toThrow(
      ShapeMismatchError,
    );
    expect(() => maskedFill(ids, ids, 0.5)).toThrow(InvalidArgumentError);
    expect(() => shiftLabels(tensor([1, 2], [2], { backend: cpu }))).toThrow(DTypeMismatchError);
    expect(() => shiftLabels(ids, { ignoreIndex: 2 ** 40 })).toThrow(InvalidArgumentError);
  });
});

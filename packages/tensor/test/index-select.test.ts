// indexSelect on the CPU backend: torch.index_select semantics worked out by hand, the beam
// reordering it replaces (embedding over a reshaped table), i32 inputs, gradients of repeated
// indices, and typed errors.
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  backward,
  DTypeMismatchError,
  embedding,
  InvalidArgumentError,
  indexSelect,
  reshape,
  ShapeMismatchError,
  sum,
  tensor,
} from '../src/index';

const cpu = new CpuBackend();
const ids = (values: number[]) =>
  tensor(Int32Array.from(values), [values.length], { backend: cpu });
const iota = (shape: number[]) =>
  tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i),
    shape,
    { backend: cpu, requiresGrad: true },
  );

describe('indexSelect', () => {
  it('picks slices along an axis, repeats allowed', async () => {
    const x = iota([2, 3]); // [[0, 1, 2], [3, 4, 5]]
    const rows = indexSelect(x, 0, ids([1, 1, 0]));
    expect(rows.shape).toEqual([3, 3]);
    expect(await rows.toArray()).toEqual([3, 4, 5, 3, 4, 5, 0, 1, 2]);
    const columns = indexSelect(x, -1, ids([2, 0]));
    expect(columns.shape).toEqual([2, 2]);
    expect(await columns.toArray()).toEqual([2, 0, 5, 3]);
    expect(indexSelect(x, 1, ids([])).shape).toEqual([2, 0]);
  });

  it('reorders a KV cache like the embedding-over-a-reshaped-table workaround', async () => {
    const cache = iota([3, 2, 4, 5]); // [beams, H, T, D]
    const beams = ids([2, 0, 0]);
    const direct = await indexSelect(cache, 0, beams).toArray();
    const workaround = await reshape(
      embedding(beams, reshape(cache, [3, 40])),
      [3, 2, 4, 5],
    ).toArray();
    expect(direct).toEqual(workaround);
  });

  it('selects i32 tensors and zeroes out-of-range indices', async () => {
    const tokens = tensor(Int32Array.from([10, 11, 12, 20, 21, 22]), [2, 3], { backend: cpu });
    const picked = indexSelect(tokens, 1, ids([2, -1, 3]));
    expect(picked.dtype).toBe('i32');
    expect(Array.from(await picked.data())).toEqual([12, 0, 0, 22, 0, 0]);
  });

  it('adds the gradients of repeated indices and gives none to unselected slices', async () => {
    const x = iota([3, 2]);
    backward(sum(indexSelect(x, 0, ids([2, 2, 0, 2]))));
    expect(await x.grad!.toArray()).toEqual([1, 1, 0, 0, 3, 3]);
  });

  it('rejects bad arguments with typed errors', () => {
    const x = iota([2, 3]);
    expect(() => indexSelect(x, 0, tensor([0, 1], [2], { backend: cpu }))).toThrow(
      DTypeMismatchError,
    );
    expect(() =>
      indexSelect(x, 0, tensor(Int32Array.from([0, 1]), [1, 2], { backend: cpu })),
    ).toThrow(ShapeMismatchError);
    expect(() => indexSelect(x, 2, ids([0]))).toThrow(InvalidArgumentError);
  });
});

// Shape arithmetic: broadcasting, strides and the collapse to the kernels' fixed rank.
import { describe, expect, it } from 'vitest';
import { ShapeMismatchError } from './errors';
import {
  broadcastShapes,
  broadcastStrides,
  collapseStrided,
  normalizeAxis,
  sizeOf,
  stridesOf,
} from './shape';

describe('shape', () => {
  it('sizes and row-major strides', () => {
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([2, 0, 3])).toBe(0);
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
  });

  it('broadcasts like numpy and names the op on mismatch', () => {
    expect(broadcastShapes('add', [2, 1, 4], [3, 1])).toEqual([2, 3, 4]);
    expect(broadcastStrides([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
    expect(() => broadcastShapes('mul', [2, 3], [4])).toThrow(ShapeMismatchError);
    expect(() => broadcastShapes('mul', [2, 3], [4])).toThrow(/^mul: argument b/);
  });

  it('collapses contiguous axes and pads to rank 6', () => {
    // [2, 3, 4] + [4]: a is contiguous everywhere, b repeats every 4 -> [6, 4] effectively.
    const view = collapseStrided(
      'add',
      [2, 3, 4],
      [stridesOf([2, 3, 4]), broadcastStrides([4], [2, 3, 4])],
    );
    expect(view.shape).toEqual([1, 1, 1, 1, 6, 4]);
    expect(view.strides[0]).toEqual([0, 0, 0, 0, 4, 1]);
    expect(view.strides[1]).toEqual([0, 0, 0, 0, 0, 1]);
    // A permutation cannot merge: [2, 3] read transposed.
    const transposed = collapseStrided(
      'permute',
      [3, 2],
      [
        [1, 3],
        [2, 1],
      ],
    );
    expect(transposed.shape.slice(-2)).toEqual([3, 2]);
    expect(() => collapseStrided('x', [2, 2, 2, 2, 2, 2, 2], [[64, 1, 32, 2, 16, 4, 8]])).toThrow(
      ShapeMismatchError,
    );
  });

  it('normalizes axes', () => {
    expect(normalizeAxis('sum', -1, 3)).toBe(2);
    expect(() => normalizeAxis('sum', 3, 3)).toThrow(/sum: argument axis/);
  });
});

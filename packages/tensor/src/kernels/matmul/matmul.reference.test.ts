// The matmul reference against values worked out by hand, and its transpose and broadcast
// conventions against each other (the reference is the oracle of both WGSL kernels).
import { describe, expect, it } from 'vitest';
import { matmulReference } from './matmul.reference';

const plain = { batch: 1, transposeA: 0, transposeB: 0, strideA: 0, strideB: 0, strideC: 0 };

/** Row-major transpose of a (rows, columns) matrix. */
function transpose(values: number[], rows: number, columns: number): number[] {
  const out: number[] = [];
  for (let column = 0; column < columns; column++)
    for (let row = 0; row < rows; row++) out.push(values[row * columns + column] as number);
  return out;
}

describe('matmulReference', () => {
  it('computes a 2x3 @ 3x2 product worked out by hand', () => {
    // [[1,2,3],[4,5,6]] @ [[7,8],[9,10],[11,12]] = [[58,64],[139,154]]
    const c = new Float64Array(4);
    matmulReference(
      [new Float64Array([1, 2, 3, 4, 5, 6]), new Float64Array([7, 8, 9, 10, 11, 12])],
      [c],
      { ...plain, M: 2, N: 2, K: 3 },
    );
    expect(Array.from(c)).toEqual([58, 64, 139, 154]);
  });

  it('reads transposed operands as stored (K, M) and (N, K)', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [7, 8, 9, 10, 11, 12];
    const c = new Float64Array(4);
    const aT = new Float64Array(transpose(a, 2, 3));
    const bT = new Float64Array(transpose(b, 3, 2));
    matmulReference([aT, bT], [c], { ...plain, M: 2, N: 2, K: 3, transposeA: 1, transposeB: 1 });
    expect(Array.from(c)).toEqual([58, 64, 139, 154]);
  });

  it('broadcasts an operand with stride 0 and offsets batches by their strides', () => {
    // Batch 0: [1,2] @ [[1],[1]] = 3; batch 1: [3,4] @ [[1],[1]] = 7 (b shared).
    const c = new Float64Array(2);
    matmulReference([new Float64Array([1, 2, 3, 4]), new Float64Array([1, 1])], [c], {
      ...plain,
      batch: 2,
      M: 1,
      N: 1,
      K: 2,
      strideA: 2,
      strideB: 0,
      strideC: 1,
    });
    expect(Array.from(c)).toEqual([3, 7]);
  });
});

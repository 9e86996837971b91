// The one strided copy every layout op (permute, slice, concat, expand, pad) is built on:
// out[outOffset + sum c_k outStrides_k] = x[inOffset + sum c_k inStrides_k] over `shape`.

import { stridedUniformValues } from '../kernels/strided-index';
import { collapseStrided, type Shape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { runKernel } from './op-utils';

export interface StridedCopy {
  readonly shape: Shape;
  readonly inStrides: readonly number[];
  readonly outStrides: readonly number[];
  readonly inOffset?: number;
  readonly outOffset?: number;
}

/** Copies a strided view of `x` into a strided region of `out` (one dispatch). */
export function copyStrided(op: string, x: Tensor, out: Tensor, copy: StridedCopy): void {
  const size = sizeOf(copy.shape);
  if (size === 0) return;
  const view = collapseStrided(op, copy.shape, [[...copy.inStrides], [...copy.outStrides]]);
  runKernel(op, 'stridedCopy', [x], [out], {
    size,
    ...stridedUniformValues(view.shape, { i: view.strides[0]!, o: view.strides[1]! }),
    inOffset: copy.inOffset ?? 0,
    outOffset: copy.outOffset ?? 0,
  });
}

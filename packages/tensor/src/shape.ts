// Shape arithmetic shared by the ops: sizes, row-major strides, numpy broadcasting, axis
// normalisation, and collapsing strided views to the fixed rank the WGSL kernels take.
import { formatShape, InvalidArgumentError, ShapeMismatchError } from './errors';

export type Shape = readonly number[];

/** Number of elements of a shape (1 for a scalar `[]`). */
export function sizeOf(shape: Shape): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

/** Row-major (C-contiguous) element strides. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis]!;
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((dim, axis) => dim === b[axis]);
}

/** numpy broadcasting of two shapes; throws ShapeMismatchError naming the op. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeMismatchError(op, 'b', `a shape broadcastable with ${formatShape(a)}`, b);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides that read a contiguous `shape` as if broadcast to `outShape` (0 on broadcast axes). */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const own = stridesOf(shape);
  const offset = outShape.length - shape.length;
  return outShape.map((_, axis) => {
    const source = axis - offset;
    return source < 0 || shape[source] === 1 ? 0 : own[source]!;
  });
}

/** Turns a possibly negative axis into 0..rank-1. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  const normalized = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(normalized) || normalized < 0 || normalized >= rank) {
    throw new InvalidArgumentError(op, 'axis', `an integer in [${-rank}, ${rank})`, axis);
  }
  return normalized;
}

/** The rank every strided WGSL kernel takes; shapes are collapsed then left-padded to it. */
export const KERNEL_RANK = 6;

export interface CollapsedView {
  readonly shape: number[];
  /** One stride list per operand, each KERNEL_RANK long. */
  readonly strides: number[][];
}

/**
 * Merges adjacent axes that every operand walks contiguously and drops size-1 axes, then pads
 * to KERNEL_RANK. Fewer real axes means fewer divisions per element in the shader.
 */
export function collapseStrided(op: string, shape: Shape, stridesList: number[][]): CollapsedView {
  const dims: number[] = [];
  const strides: number[][] = stridesList.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const dim = shape[axis]!;
    if (dim === 1) continue;
    const last = dims.length - 1;
    const mergeable =
      last >= 0 && stridesList.every((list, k) => strides[k]![last] === list[axis]! * dim);
    if (mergeable) {
      dims[last] = dims[last]! * dim;
      stridesList.forEach((list, k) => {
        strides[k]![last] = list[axis]!;
      });
    } else {
      dims.push(dim);
      stridesList.forEach((list, k) => {
        strides[k]!.push(list[axis]!);
      });
    }
  }
  if (dims.length > KERNEL_RANK) {
    throw new ShapeMismatchError(op, 'shape', `at most ${KERNEL_RANK} non-mergeable axes`, shape);
  }
  while (dims.length < KERNEL_RANK) {
    dims.unshift(1);
    for (const list of strides) list.unshift(0);
  }
  return { shape: dims, strides };
}

/** Checks a user-given shape: non-negative integers. */
export function checkShape(op: string, shape: Shape): void {
  for (const dim of shape) {
    if (!Number.isInteger(dim) || dim < 0) {
      throw new InvalidArgumentError(
        op,
        'shape',
        'non-negative integer dimensions',
        formatShape(shape),
      );
    }
  }
}

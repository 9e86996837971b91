// Layout ops: reshape (a view, no copy), permute / transpose, slice, concat and expand (one
// strided copy each). Their gradients are the inverse layout op on the gradient. A permute that
// only moves axes of size 1 and a slice of a whole axis leave the row-major layout as it is:
// they are reshapes (views; a decoding step's head merge and last-position slice copy nothing).
import { record } from '../autograd/tape';
import { formatShape, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { normalizeAxis, type Shape, sizeOf, stridesOf } from '../shape';
import type { Tensor } from '../tensor';
import { checkSameDType, commonBackend, newOutput, newTensor, viewOf } from './op-utils';
import { sumTo } from './reduce';
import { copyStrided } from './strided';

/** The same data with a new shape (one dimension may be -1). Shares the buffer. */
export function reshape(x: Tensor, shape: Shape): Tensor {
  commonBackend('reshape', { x });
  const known = shape.filter((dim) => dim !== -1);
  const inferred = shape.length - known.length;
  if (inferred > 1)
    throw new InvalidArgumentError('reshape', 'shape', 'at most one -1', formatShape(shape));
  const resolved = shape.map((dim) => (dim === -1 ? x.size / Math.max(1, sizeOf(known)) : dim));
  if (sizeOf(resolved) !== x.size || resolved.some((dim) => !Number.isInteger(dim) || dim < 0)) {
    throw new ShapeMismatchError(
      'reshape',
      'shape',
      `a shape of ${x.size} elements like ${formatShape(x.shape)}`,
      shape,
    );
  }
  const out = viewOf(x, resolved);
  return record('reshape', out, [x], (g) => [viewOf(g, x.shape)]);
}

/** Reorders axes: out.shape[k] = x.shape[perm[k]]. */
export function permute(x: Tensor, perm: readonly number[]): Tensor {
  commonBackend('permute', { x });
  const axes = perm.map((axis) => normalizeAxis('permute', axis, x.rank));
  if (axes.length !== x.rank || new Set(axes).size !== x.rank) {
    throw new InvalidArgumentError(
      'permute',
      'perm',
      `a permutation of ${x.rank} axes`,
      `[${perm.join(', ')}]`,
    );
  }
  const shape = axes.map((axis) => x.shape[axis]!);
  const moved = axes.filter((axis) => x.shape[axis]! !== 1);
  if (moved.every((axis, k) => k === 0 || moved[k - 1]! < axis)) return reshape(x, shape);
  const strides = stridesOf(x.shape);
  const out = newOutput(x.backend, shape, x.dtype);
  copyStrided('permute', x, out, {
    shape,
    inStrides: axes.map((axis) => strides[axis]!),
    outStrides: stridesOf(shape),
  });
  const inverse = new Array<number>(axes.length);
  axes.forEach((axis, k) => {
    inverse[axis] = k;
  });
  return record('permute', out, [x], (g) => [permute(g, inverse)]);
}

/** Swaps two axes. */
export function transpose(x: Tensor, axis0 = -2, axis1 = -1): Tensor {
  const a = normalizeAxis('transpose', axis0, x.rank);
  const b = normalizeAxis('transpose', axis1, x.rank);
  const perm = x.shape.map((_, axis) => (axis === a ? b : axis === b ? a : axis));
  return permute(x, perm);
}

/** Elements start..end-1 along `axis` (end exclusive, clamped like Python slicing). */
export function slice(x: Tensor, axis: number, start: number, end: number): Tensor {
  commonBackend('slice', { x });
  const ax = normalizeAxis('slice', axis, x.rank);
  const dim = x.shape[ax]!;
  const from = Math.min(dim, Math.max(0, start < 0 ? start + dim : start));
  const to = Math.min(dim, Math.max(from, end < 0 ? end + dim : end));
  const shape = x.shape.map((d, k) => (k === ax ? to - from : d));
  if (from === 0 && to === dim) return reshape(x, shape);
  const strides = stridesOf(x.shape);
  const out = newOutput(x.backend, shape, x.dtype);
  copyStrided('slice', x, out, {
    shape,
    inStrides: strides,
    outStrides: stridesOf(shape),
    inOffset: from * strides[ax]!,
  });
  return record('slice', out, [x], (g) => {
    const grad = newTensor(g.backend, x.shape, g.dtype);
    copyStrided('slice.backward', g, grad, {
      shape,
      inStrides: stridesOf(shape),
      outStrides: strides,
      outOffset: from * strides[ax]!,
    });
    return [grad];
  });
}

/** Joins tensors along `axis`; all other dimensions must match. */
export function concat(tensors: readonly Tensor[], axis: number): Tensor {
  if (tensors.length === 0)
    throw new InvalidArgumentError('concat', 'tensors', 'at least one tensor', 'none');
  const first = tensors[0]!;
  commonBackend('concat', Object.fromEntries(tensors.map((t, k) => [`tensors[${k}]`, t])));
  const ax = normalizeAxis('concat', axis, first.rank);
  tensors.forEach((t, k) => {
    checkSameDType('concat', `tensors[${k}]`, first, t);
    const ok = t.rank === first.rank && t.shape.every((d, a) => a === ax || d === first.shape[a]);
    if (!ok) {
      const expected = formatShape(first.shape.map((d, a) => (a === ax ? -1 : d))).replace(
        '-1',
        '*',
      );
      throw new ShapeMismatchError('concat', `tensors[${k}]`, expected, t.shape);
    }
  });
  const shape = first.shape.map((d, a) =>
    a === ax ? tensors.reduce((n, t) => n + t.shape[ax]!, 0) : d,
  );
  const outStrides = stridesOf(shape);
  const out = newOutput(first.backend, shape, first.dtype); // the parts cover it whole
  const offsets: number[] = [];
  let offset = 0;
  for (const t of tensors) {
    offsets.push(offset);
    copyStrided('concat', t, out, {
      shape: t.shape,
      inStrides: stridesOf(t.shape),
      outStrides,
      outOffset: offset * outStrides[ax]!,
    });
    offset += t.shape[ax]!;
  }
  return record('concat', out, tensors, (g, needs) =>
    tensors.map((t, k) =>
      needs[k] ? slice(g, ax, offsets[k]!, offsets[k]! + t.shape[ax]!) : null,
    ),
  );
}

/** Materialises x broadcast to `shape` (numpy rules: size-1 or missing leading axes repeat). */
export function expand(x: Tensor, shape: Shape): Tensor {
  commonBackend('expand', { x });
  const offset = shape.length - x.rank;
  const own = stridesOf(x.shape);
  const valid = offset >= 0 && x.shape.every((d, a) => d === 1 || d === shape[a + offset]);
  if (!valid)
    throw new ShapeMismatchError(
      'expand',
      'x',
      `a shape broadcastable to ${formatShape(shape)}`,
      x.shape,
    );
  const out = newOutput(x.backend, shape, x.dtype);
  copyStrided('expand', x, out, {
    shape,
    inStrides: shape.map((_, a) =>
      a < offset || x.shape[a - offset] === 1 ? 0 : own[a - offset]!,
    ),
    outStrides: stridesOf(shape),
  });
  return record('expand', out, [x], (g) => [sumTo(g, x.shape)]);
}

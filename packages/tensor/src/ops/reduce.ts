// Sum and mean over axes, and sumTo (the reduction that undoes broadcasting in gradients).
// Every reduction becomes the sumAxis kernel over x viewed as [outer, reduce, inner]; reduced
// axes that are not adjacent are first moved last by one strided copy. Long reductions into few
// outputs run in two passes so no GPU thread walks millions of elements alone.
import { record } from '../autograd/tape';
import { normalizeAxis, type Shape, sizeOf, stridesOf } from '../shape';
import type { Tensor } from '../tensor';
import { scale } from './elementwise';
import { checkFloat, commonBackend, newTensor, runKernel, viewOf } from './op-utils';
import { copyStrided } from './strided';

export interface ReduceOptions {
  /** Axes to reduce (negative counts from the end); default all. */
  axes?: number | readonly number[];
  /** Keep reduced axes as size 1. */
  keepDims?: boolean;
}

/** Below this many outputs a long reduction is split into chunks first. */
const FEW_OUTPUTS = 1024;
const LONG_REDUCTION = 4096;

/**
 * Sums contiguous x viewed as [outer, reduce, inner] into `out` at `outOffset` (a new
 * [outer * inner] tensor when `out` is not given). `squared` sums x^2.
 */
export function sumAxisInto(
  op: string,
  x: Tensor,
  dims: { outer: number; reduce: number; inner: number },
  options: { squared?: boolean; out?: Tensor; outOffset?: number } = {},
): Tensor {
  const { outer, reduce, inner } = dims;
  const out = options.out ?? newTensor(x.backend, [outer * inner], x.dtype);
  const squared = options.squared ? 1 : 0;
  const outOffset = options.outOffset ?? 0;
  if (outer * inner === 0) return out;
  if (outer * inner >= FEW_OUTPUTS || reduce <= LONG_REDUCTION) {
    runKernel(op, 'sumAxis', [x], [out], {
      outer,
      reduce,
      inner,
      chunk: Math.max(1, reduce),
      squared,
      outOffset,
    });
    return out;
  }
  const chunk = Math.ceil(Math.sqrt(reduce));
  const chunks = Math.ceil(reduce / chunk);
  const partial = newTensor(x.backend, [outer * chunks * inner], x.dtype);
  runKernel(op, 'sumAxis', [x], [partial], { outer, reduce, inner, chunk, squared, outOffset: 0 });
  runKernel(op, 'sumAxis', [partial], [out], {
    outer,
    reduce: chunks,
    inner,
    chunk: chunks,
    squared: 0,
    outOffset,
  });
  partial.dispose();
  return out;
}

function normalizeAxes(op: string, axes: ReduceOptions['axes'], rank: number): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, k) => k);
  const list = typeof axes === 'number' ? [axes] : axes;
  return [...new Set(list.map((axis) => normalizeAxis(op, axis, rank)))].sort((p, q) => p - q);
}

/** Sum of x over `axes` (sorted, unique), shaped with the reduced axes kept as 1. No autograd. */
function sumAxes(op: string, x: Tensor, axes: readonly number[]): Tensor {
  const keptShape = x.shape.map((dim, axis) => (axes.includes(axis) ? 1 : dim));
  // Axes of size 1 need no work; what matters is whether the others are adjacent.
  const real = axes.filter((axis) => x.shape[axis] !== 1);
  if (real.length === 0) return viewOf(x, keptShape);
  const first = real[0]!;
  const last = real[real.length - 1]!;
  const adjacent = x.shape
    .slice(first, last + 1)
    .every((dim, k) => dim === 1 || real.includes(first + k));
  if (adjacent) {
    const outer = sizeOf(x.shape.slice(0, first));
    const reduce = sizeOf(real.map((axis) => x.shape[axis]!));
    const inner = sizeOf(x.shape.slice(last + 1));
    const flat = sumAxisInto(op, x, { outer, reduce, inner });
    const out = viewOf(flat, keptShape);
    flat.dispose();
    return out;
  }
  // Move the reduced axes last, then reduce the trailing block.
  const kept = x.shape.map((_, axis) => axis).filter((axis) => !real.includes(axis));
  const order = [...kept, ...real];
  const strides = stridesOf(x.shape);
  const permutedShape = order.map((axis) => x.shape[axis]!);
  const moved = newTensor(x.backend, permutedShape, x.dtype);
  copyStrided(op, x, moved, {
    shape: permutedShape,
    inStrides: order.map((axis) => strides[axis]!),
    outStrides: stridesOf(permutedShape),
  });
  const reduce = sizeOf(real.map((axis) => x.shape[axis]!));
  const flat = sumAxisInto(op, moved, { outer: x.size / Math.max(1, reduce), reduce, inner: 1 });
  moved.dispose();
  const out = viewOf(flat, keptShape);
  flat.dispose();
  return out;
}

/** Broadcasts g (shaped like `keptShape`) back to `shape` by a strided copy. */
function broadcastBack(g: Tensor, shape: Shape): Tensor {
  const out = newTensor(g.backend, shape, g.dtype);
  const own = stridesOf(g.shape);
  copyStrided('sum.backward', g, out, {
    shape,
    inStrides: shape.map((dim, axis) => (g.shape[axis] === 1 && dim !== 1 ? 0 : own[axis]!)),
    outStrides: stridesOf(shape),
  });
  return out;
}

/** Sum over `axes` (default all). */
export function sum(x: Tensor, options: ReduceOptions = {}): Tensor {
  commonBackend('sum', { x });
  checkFloat('sum', 'x', x);
  const axes = normalizeAxes('sum', options.axes, x.rank);
  const kept = sumAxes('sum', x, axes);
  const shape = options.keepDims ? kept.shape : x.shape.filter((_, axis) => !axes.includes(axis));
  const out = viewOf(kept, shape);
  kept.dispose();
  return record('sum', out, [x], (g) => {
    const keptGrad = viewOf(
      g,
      x.shape.map((dim, axis) => (axes.includes(axis) ? 1 : dim)),
    );
    const grad = broadcastBack(keptGrad, x.shape);
    keptGrad.dispose();
    return [grad];
  });
}

/** Mean over `axes` (default all). */
export function mean(x: Tensor, options: ReduceOptions = {}): Tensor {
  const axes = normalizeAxes('mean', options.axes, x.rank);
  const count = sizeOf(axes.map((axis) => x.shape[axis]!));
  const total = sum(x, options);
  return scale(total, 1 / count);
}

/**
 * Sums `g` down to `shape` (the inverse of numpy broadcasting); returns `g` itself when the
 * shapes already match. Used by gradient rules; records nothing.
 */
export function sumTo(g: Tensor, shape: Shape): Tensor {
  if (g.shape.length === shape.length && g.shape.every((dim, axis) => dim === shape[axis]))
    return g;
  const offset = g.rank - shape.length;
  const axes = g.shape
    .map((dim, axis) => (axis < offset || (shape[axis - offset] === 1 && dim !== 1) ? axis : -1))
    .filter((axis) => axis >= 0);
  const kept = sumAxes('sumTo', g, axes);
  const out = viewOf(kept, shape);
  kept.dispose();
  return out;
}

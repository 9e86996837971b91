// Element-wise arithmetic with numpy broadcasting: add, sub, mul, div (a tensor or a number as
// the second operand), neg, scale, exp, log, sqrt. Forward = one kernel; gradients are written
// with these same ops, reduced back over broadcast axes by sumTo.
import { record } from '../autograd/tape';
import { stridedUniformValues } from '../kernels/strided-index';
import { broadcastShapes, broadcastStrides, collapseStrided, sameShape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { checkFloat, checkSameDType, commonBackend, newOutput, runKernel } from './op-utils';
import { sumTo } from './reduce';

type BinaryKernel = 'add' | 'sub' | 'mul' | 'div';

function binaryForward(op: BinaryKernel, a: Tensor, b: Tensor): Tensor {
  const backend = commonBackend(op, { a, b });
  checkFloat(op, 'a', a);
  checkFloat(op, 'b', b);
  checkSameDType(op, 'b', a, b);
  const shape = broadcastShapes(op, a.shape, b.shape);
  const out = newOutput(backend, shape, a.dtype);
  const size = sizeOf(shape);
  if (size === 0) return out;
  const contiguous = sameShape(a.shape, shape) && sameShape(b.shape, shape);
  const view = collapseStrided(op, shape, [
    broadcastStrides(a.shape, shape),
    broadcastStrides(b.shape, shape),
  ]);
  runKernel(
    op,
    op,
    [a, b],
    [out],
    { size, ...stridedUniformValues(view.shape, { a: view.strides[0]!, b: view.strides[1]! }) },
    { contiguous: contiguous ? 1 : 0 },
  );
  return out;
}

/** Reduces a freshly made gradient to `shape`, disposing it when a reduction was needed. */
function reduceOwned(grad: Tensor, shape: readonly number[]): Tensor {
  const reduced = sumTo(grad, shape);
  if (reduced !== grad) grad.dispose();
  return reduced;
}

/** a + b (b may be a number). */
export function add(a: Tensor, b: Tensor | number): Tensor {
  if (typeof b === 'number') return affine(a, 1, b);
  const out = binaryForward('add', a, b);
  return record('add', out, [a, b], (g, needs) => [
    needs[0] ? sumTo(g, a.shape) : null,
    needs[1] ? sumTo(g, b.shape) : null,
  ]);
}

/** a - b (b may be a number). */
export function sub(a: Tensor, b: Tensor | number): Tensor {
  if (typeof b === 'number') return affine(a, 1, -b);
  const out = binaryForward('sub', a, b);
  return record('sub', out, [a, b], (g, needs) => [
    needs[0] ? sumTo(g, a.shape) : null,
    needs[1] ? reduceOwned(neg(g), b.shape) : null,
  ]);
}

/** a * b (b may be a number). */
export function mul(a: Tensor, b: Tensor | number): Tensor {
  if (typeof b === 'number') return affine(a, b, 0);
  const out = binaryForward('mul', a, b);
  return record('mul', out, [a, b], (g, needs) => [
    needs[0] ? reduceOwned(mul(g, b), a.shape) : null,
    needs[1] ? reduceOwned(mul(g, a), b.shape) : null,
  ]);
}

/** a / b (b may be a number). */
export function div(a: Tensor, b: Tensor | number): Tensor {
  if (typeof b === 'number') return affine(a, 1 / b, 0);
  const out = binaryForward('div', a, b);
  return record('div', out, [a, b], (g, needs) => {
    let gb: Tensor | null = null;
    if (needs[1]) {
      // d(a/b)/db = -(a/b)/b = -out/b
      const gOut = mul(g, out);
      const quotient = div(gOut, b);
      gOut.dispose();
      gb = reduceOwned(affineNoGrad(quotient, -1, 0), b.shape);
      quotient.dispose();
    }
    return [needs[0] ? reduceOwned(div(g, b), a.shape) : null, gb];
  });
}

function unaryForward(
  op: string,
  kernel: 'affine' | 'exp' | 'log' | 'sqrt',
  x: Tensor,
  uniforms = {},
): Tensor {
  const backend = commonBackend(op, { x });
  checkFloat(op, 'x', x);
  const out = newOutput(backend, x.shape, x.dtype);
  if (x.size > 0) runKernel(op, kernel, [x], [out], { size: x.size, ...uniforms });
  return out;
}

function affineNoGrad(x: Tensor, alpha: number, beta: number): Tensor {
  return unaryForward('affine', 'affine', x, { alpha, beta });
}

/** alpha * x + beta in one kernel. */
export function affine(x: Tensor, alpha: number, beta: number): Tensor {
  const out = affineNoGrad(x, alpha, beta);
  return record('affine', out, [x], (g) => [affineNoGrad(g, alpha, 0)]);
}

/** -x */
export function neg(x: Tensor): Tensor {
  return affine(x, -1, 0);
}

/** x * factor */
export function scale(x: Tensor, factor: number): Tensor {
  return affine(x, factor, 0);
}

/** e^x */
export function exp(x: Tensor): Tensor {
  const out = unaryForward('exp', 'exp', x);
  return record('exp', out, [x], (g) => [mul(g, out)]);
}

/** Natural logarithm. */
export function log(x: Tensor): Tensor {
  const out = unaryForward('log', 'log', x);
  return record('log', out, [x], (g) => [div(g, x)]);
}

/** Square root. */
export function sqrt(x: Tensor): Tensor {
  const out = unaryForward('sqrt', 'sqrt', x);
  return record('sqrt', out, [x], (g) => {
    const quotient = div(g, out);
    const grad = affineNoGrad(quotient, 0.5, 0);
    quotient.dispose();
    return [grad];
  });
}

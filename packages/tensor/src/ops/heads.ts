// The head reshapes of multi-head attention as single strided copies (instead of slice +
// reshape + permute, two copies each way):
//   splitHeads: x [B, T, parts*C], part p -> [B, H, T, D],  out[b,h,t,d] = x[b, t, p*C + h*D + d]
//   mergeHeads: x [B, H, T, D] -> [B, T, H*D]  (heads back to head-major columns, as GPT-2)
import { record } from '../autograd/tape';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { stridesOf } from '../shape';
import type { Tensor } from '../tensor';
import { commonBackend, newOutput, newTensor } from './op-utils';
import { permute, reshape } from './shape-ops';
import { copyStrided } from './strided';

export interface SplitHeadsOptions {
  heads: number;
  /** How many C-wide parts the last axis holds (3 for GPT-2's fused q|k|v). Default 1. */
  parts?: number;
  /** Which part to take, 0-based. Default 0. */
  part?: number;
}

/** Part `part` of x [B, T, parts*C] as per-head [B, H, T, C/H]. */
export function splitHeads(x: Tensor, options: SplitHeadsOptions): Tensor {
  const op = 'splitHeads';
  commonBackend(op, { x });
  const { heads, parts = 1, part = 0 } = options;
  if (x.rank !== 3) throw new ShapeMismatchError(op, 'x', '[B, T, parts * C]', x.shape);
  const [B, T, width] = x.shape as [number, number, number];
  const C = width / parts;
  const D = C / heads;
  if (!Number.isInteger(C) || !Number.isInteger(D)) {
    throw new ShapeMismatchError(
      op,
      'x',
      `a last axis divisible by parts (${parts}) * heads (${heads})`,
      x.shape,
    );
  }
  if (!(Number.isInteger(part) && part >= 0 && part < parts)) {
    throw new InvalidArgumentError(op, 'part', `an integer in [0, ${parts})`, part);
  }
  const shape = [B, heads, T, D];
  // Strides of x seen in [B, H, T, D] order.
  const inStrides = [T * width, D, width, 1];
  const out = newOutput(x.backend, shape, x.dtype);
  copyStrided(op, x, out, { shape, inStrides, outStrides: stridesOf(shape), inOffset: part * C });
  return record(op, out, [x], (g) => {
    const grad = newTensor(g.backend, x.shape, g.dtype);
    copyStrided(`${op}.backward`, g, grad, {
      shape,
      inStrides: stridesOf(shape),
      outStrides: inStrides,
      outOffset: part * C,
    });
    return [grad];
  });
}

/** x [B, H, T, D] -> [B, T, H*D]. */
export function mergeHeads(x: Tensor): Tensor {
  if (x.rank !== 4) throw new ShapeMismatchError('mergeHeads', 'x', '[B, H, T, D]', x.shape);
  const [B, H, T, D] = x.shape as [number, number, number, number];
  return reshape(permute(x, [0, 2, 1, 3]), [B, T, H * D]);
}

// Integer helpers on the device for preparing token ids and labels without a read-back:
// maskedFill (torch.Tensor.masked_fill on i32) and shiftLabels (HF's causal-LM label shift).
// Integers have no gradient, so neither op is recorded by autograd.
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { sameShape } from '../shape';
import type { Tensor } from '../tensor';
import { checkInt, commonBackend, fullLike, newTensor, runKernel } from './op-utils';
import { concat, slice } from './shape-ops';

function checkInt32(op: string, argument: string, value: number): void {
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647)
    throw new InvalidArgumentError(op, argument, 'a 32-bit integer', value);
}

/**
 * `x` (i32) with `value` wherever `mask` (i32, same shape) is non-zero.
 * @example const labels = maskedFill(ids, padding, -100); // padding: 1 where ids are padding
 */
export function maskedFill(x: Tensor, mask: Tensor, value: number): Tensor {
  const op = 'maskedFill';
  commonBackend(op, { x, mask });
  checkInt(op, 'x', x);
  checkInt(op, 'mask', mask);
  if (!sameShape(x.shape, mask.shape))
    throw new ShapeMismatchError(op, 'mask', `the shape of x [${x.shape.join(', ')}]`, mask.shape);
  checkInt32(op, 'value', value);
  const out = newTensor(x.backend, x.shape, 'i32');
  if (x.size > 0) runKernel(op, 'maskedFillInt', [x, mask], [out], { size: x.size, value });
  return out;
}

export interface ShiftLabelsOptions {
  /** What the last position of each row becomes. Default -100 (cross-entropy's ignore index). */
  ignoreIndex?: number;
}

/**
 * Causal-LM labels from ids [..., T] (i32): position t gets ids[t + 1] and the last position
 * `ignoreIndex`, so `crossEntropy(logits, shiftLabels(ids))` needs no logits slice.
 * @example shiftLabels(ids) // [[5, 6, 7]] -> [[6, 7, -100]]
 */
export function shiftLabels(ids: Tensor, options: ShiftLabelsOptions = {}): Tensor {
  const op = 'shiftLabels';
  commonBackend(op, { ids });
  checkInt(op, 'ids', ids);
  if (ids.rank === 0)
    throw new ShapeMismatchError(op, 'ids', 'at least 1 axis [..., T]', ids.shape);
  const ignoreIndex = options.ignoreIndex ?? -100;
  checkInt32(op, 'ignoreIndex', ignoreIndex);
  const axis = ids.rank - 1;
  const length = ids.shape[axis]!;
  const last = fullLike(ids, ignoreIndex, [...ids.shape.slice(0, axis), Math.min(1, length)]);
  if (length <= 1) return last;
  const rest = slice(ids, axis, 1, length);
  const out = concat([rest, last], axis);
  rest.dispose();
  last.dispose();
  return out;
}

// The head reshapes of multi-head attention as single strided copies (instead of slice +
// reshape + permute, two copies each way):
//   splitHeads: x [B, T, parts*C], part p -> [B, H, T, D],  out[b,h,t,d] = x[b, t, p*C + h*D + d]
//   mergeHeads: x [B, H, T, D] -> [B, T, H*D]  (heads back to head-major columns, as GPT-2)
import { record, recordsGradient } from '../autograd/tape';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { stridesOf } from '../shape';
import type { Tensor } from '../tensor';
import { withPast } from './attention';
import { indexSelect } from './index-select';
import { checkInt, commonBackend, newOutput, newTensor, runKernel } from './op-utils';
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

export interface QkvHeadsOptions {
  heads: number;
  /** [B or 1, H, P, D]: keys of earlier positions (a prefix, the KV cache), put in front. */
  pastKey?: Tensor | undefined;
  /** [B or 1, H, P, D], with pastKey. */
  pastValue?: Tensor | undefined;
  /**
   * i32 [B]: row b's past is past row pastRowIndex[b] (each in [0, R) for a past of R rows), so
   * a beam search's reorder of the cache happens in this copy instead of a gather of its own.
   */
  pastRowIndex?: Tensor | undefined;
}

export interface QkvHeads {
  /** [B, H, T, D] */
  readonly q: Tensor;
  /** [B, H, P+T, D]: the past's keys, then the new ones. */
  readonly key: Tensor;
  /** [B, H, P+T, D] */
  readonly value: Tensor;
}

/**
 * GPT-2's fused projection qkv [B, T, 3C] as per-head q, and keys/values after the past's:
 * one dispatch (qkvHeads kernel) where three head splits and two concatenations were five.
 * A graph that needs gradients gets those five recorded ops instead.
 */
export function qkvHeads(qkv: Tensor, options: QkvHeadsOptions): QkvHeads {
  const op = 'qkvHeads';
  const { heads, pastKey, pastValue, pastRowIndex } = options;
  const { B, T, width, D, P, R } = checkQkvHeads(op, qkv, options);
  if (recordsGradient([qkv, pastKey, pastValue])) {
    const part = (index: number) => splitHeads(qkv, { heads, parts: 3, part: index });
    const rowsOf = (past: Tensor | undefined) =>
      past && pastRowIndex ? indexSelect(past, 0, pastRowIndex) : past; // (B, H, P, D)
    return {
      q: part(0),
      key: withPast('pastKey', rowsOf(pastKey), part(1)),
      value: withPast('pastValue', rowsOf(pastValue), part(2)),
    };
  }
  const q = newOutput(qkv.backend, [B, heads, T, D], qkv.dtype);
  const key = newOutput(qkv.backend, [B, heads, P + T, D], qkv.dtype);
  const value = newOutput(qkv.backend, [B, heads, P + T, D], qkv.dtype);
  if (B * T * width > 0)
    runKernel(
      op,
      'qkvHeads',
      [qkv, pastKey ?? qkv, pastValue ?? qkv, pastRowIndex ?? qkv],
      [q, key, value],
      {
        batch: B,
        heads,
        tokens: T,
        headSize: D,
        past: P,
        pastRows: R,
        pastIndexed: pastRowIndex ? 1 : 0,
      },
    );
  return { q, key, value };
}

/** The sizes of a qkvHeads call, after checking its arguments (errors name `op`). */
export function checkQkvHeads(
  op: string,
  qkv: Tensor,
  options: QkvHeadsOptions,
): { B: number; T: number; width: number; D: number; P: number; R: number } {
  const { heads, pastKey, pastValue, pastRowIndex } = options;
  commonBackend(op, {
    qkv,
    ...(pastKey ? { pastKey } : {}),
    ...(pastValue ? { pastValue } : {}),
    ...(pastRowIndex ? { pastRowIndex } : {}),
  });
  if ((pastKey === undefined) !== (pastValue === undefined))
    throw new InvalidArgumentError(
      op,
      'pastValue',
      'pastKey and pastValue together',
      'one of them',
    );
  if (qkv.rank !== 3) throw new ShapeMismatchError(op, 'qkv', '[B, T, 3C]', qkv.shape);
  const [B, T, width] = qkv.shape as [number, number, number];
  const D = width / 3 / heads;
  if (!Number.isInteger(D))
    throw new ShapeMismatchError(
      op,
      'qkv',
      `a last axis divisible by 3 * heads (${heads})`,
      qkv.shape,
    );
  const P = pastKey?.shape[2] ?? 0;
  const R = pastKey?.shape[0] ?? 1;
  if (pastRowIndex) {
    checkInt(op, 'pastRowIndex', pastRowIndex);
    if (pastRowIndex.rank !== 1 || pastRowIndex.size !== B || !pastKey)
      throw new ShapeMismatchError(op, 'pastRowIndex', `[${B}] with a past`, pastRowIndex.shape);
  }
  for (const [name, past] of [
    ['pastKey', pastKey],
    ['pastValue', pastValue],
  ] as const) {
    const rows = pastRowIndex ? past?.shape[0] === R : past?.shape[0] === 1 || past?.shape[0] === B;
    const ok =
      !past ||
      (past.rank === 4 &&
        rows &&
        past.shape[1] === heads &&
        past.shape[2] === P &&
        past.shape[3] === D);
    const expected = pastRowIndex ? `[R, ${heads}, P, ${D}]` : `[${B} or 1, ${heads}, P, ${D}]`;
    if (!ok) throw new ShapeMismatchError(op, name, expected, past!.shape);
  }
  return { B, T, width, D, P, R };
}

// GPT-2 causal self-attention over per-head q, k, v, with an optional past (prefix or cache)
// and attention mask, as HF GPT2Attention computes it (docs/reference/REFERENCE-SPEC.md):
//   key = concat(pastKey, k), value = concat(pastValue, v)              [B, H, P+T, D]
//   s = q key^T / sqrt(D); causal (j > P + i) -> finfo.min; mask 0 -> + finfo.min
//   out = softmax(s) value                                              [B, H, T, D]
// Three kernels forward (matmul, masked softmax, matmul), five backward; the scores stay on the
// device. A past with batch 1 is broadcast over B (one prefix shared by every row). A decoding
// step (T = 1) that records no gradient runs as one kernel instead (decodeAttention: the
// scores, their softmax and the weighted sum per (row, head) in one workgroup).
import { recordsGradient } from '../autograd/tape';
import { formatShape, ShapeMismatchError } from '../errors';
import type { Tensor } from '../tensor';
import { matmul } from './matmul';
import { commonBackend, newOutput, runKernel } from './op-utils';
import { concat, expand } from './shape-ops';
import { maskedSoftmax } from './softmax';

export interface AttentionOptions {
  /** [B or 1, H, P, D]: keys of earlier positions (prefix-tuning prefix, KV cache). */
  pastKey?: Tensor;
  /** [B or 1, H, P, D], with pastKey. */
  pastValue?: Tensor;
  /** [B, P+T] of 0/1 (a width-T mask is widened with P leading ones by the caller). */
  mask?: Tensor;
  /** Default true (GPT-2). */
  causal?: boolean;
}

export interface AttentionResult {
  /** [B, H, T, D] */
  readonly output: Tensor;
  /** [B, H, P+T, D]: the keys attended to (the new cache). */
  readonly key: Tensor;
  /** [B, H, P+T, D] */
  readonly value: Tensor;
}

/** current [B, H, T, D] after `past` [B or 1, H, P, D] along positions (a batch-1 past broadcast). */
export function withPast(name: string, past: Tensor | undefined, current: Tensor): Tensor {
  if (!past) return current;
  const [B, H, , D] = current.shape as [number, number, number, number];
  const ok =
    past.rank === 4 &&
    (past.shape[0] === 1 || past.shape[0] === B) &&
    past.shape[1] === H &&
    past.shape[3] === D;
  if (!ok)
    throw new ShapeMismatchError('attention', name, `[${B} or 1, ${H}, P, ${D}]`, past.shape);
  const broadcast = past.shape[0] !== B ? expand(past, [B, H, past.shape[2]!, D]) : past;
  return concat([broadcast, current], 2);
}

/** Checks an attention mask is [B, S]: one 0/1 per row and past + new position. */
export function checkAttentionMask(op: string, mask: Tensor, B: number, S: number): void {
  if (mask.rank !== 2 || mask.shape[0] !== B || mask.shape[1] !== S)
    throw new ShapeMismatchError(
      op,
      'mask',
      `[${B}, ${S}] (batch, past + new positions)`,
      mask.shape,
    );
}

/**
 * Causal multi-head attention of q [B, H, T, D] over k, v [B, H, S, D] (S >= T; the last T
 * positions are q's) and an optional past in front of them.
 */
export function attention(
  q: Tensor,
  k: Tensor,
  v: Tensor,
  options: AttentionOptions = {},
): AttentionResult {
  commonBackend('attention', { q, k, v });
  if (q.rank !== 4) throw new ShapeMismatchError('attention', 'q', '[B, H, T, D]', q.shape);
  // k and v may already hold S >= T positions (earlier ones first): the new tokens are the last T.
  for (const [name, t] of [
    ['k', k],
    ['v', v],
  ] as const) {
    const ok =
      t.rank === 4 &&
      t.shape.every((d, a) => (a === 2 ? d >= q.shape[2]! && d === k.shape[2] : d === q.shape[a]));
    if (!ok) {
      const expected = formatShape(q.shape.map((d, a) => (a === 2 ? -1 : d))).replace(
        '-1',
        'S >= T',
      );
      throw new ShapeMismatchError('attention', name, expected, t.shape);
    }
  }
  if ((options.pastKey === undefined) !== (options.pastValue === undefined)) {
    throw new ShapeMismatchError(
      'attention',
      'pastValue',
      'pastKey and pastValue given together',
      'only one of them',
    );
  }
  const [B, H, T, D] = q.shape as [number, number, number, number];
  const key = withPast('pastKey', options.pastKey, k);
  const value = withPast('pastValue', options.pastValue, v);
  const S = key.shape[2]!;
  if (options.mask) checkAttentionMask('attention', options.mask, B, S);
  if (T === 1 && D % 4 === 0 && !recordsGradient([q, key, value, options.mask])) {
    const output = newOutput(q.backend, [B, H, 1, D], q.dtype); // [B, H, 1, D]
    runKernel(
      'attention',
      'decodeAttention',
      [q, key, value, options.mask ?? q],
      [output],
      { batch: B, heads: H, positions: S, divisor: Math.sqrt(D), hasMask: options.mask ? 1 : 0 },
      { headSize: D },
    );
    return { output, key, value };
  }
  const scores = matmul(q, key, { transposeB: true }); // [B, H, T, S]
  const probs = maskedSoftmax(scores, {
    divisor: Math.sqrt(D),
    causal: options.causal ?? true,
    queryLen: T,
    heads: H,
    ...(options.mask ? { mask: options.mask } : {}),
  });
  const output = matmul(probs, value); // [B, H, T, D]
  return { output, key, value };
}

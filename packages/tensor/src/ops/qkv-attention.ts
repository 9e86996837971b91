// Causal attention straight from GPT-2's fused projection qkv [B, T, 3C]: qkvHeads (heads split,
// the past in front) then attention. A decoding step (T = 1) that records no gradient runs as
// one kernel (decodeQkvAttention: the cache copy and the attention in one dispatch); any other
// call is the two ops, whose recorded paths carry the gradients.
import { recordsGradient } from '../autograd/tape';
import type { Tensor } from '../tensor';
import { type AttentionResult, attention, checkAttentionMask } from './attention';
import { checkQkvHeads, type QkvHeadsOptions, qkvHeads } from './heads';
import { checkSameDType, commonBackend, newOutput, runKernel } from './op-utils';

export interface QkvAttentionOptions extends QkvHeadsOptions {
  /** [B, P+T] of 0/1 in qkv's dtype. */
  mask?: Tensor | undefined;
}

/**
 * Causal multi-head attention of the q, k, v in qkv [B, T, 3C] (q | k | v, head-major inside
 * each), after `options.pastKey` / `pastValue`. Returns the output [B, H, T, D] and the keys and
 * values attended to, [B, H, P+T, D] (the new cache).
 * @example const { output, key, value } = qkvAttention(qkv, { heads: 12, pastKey, pastValue });
 */
export function qkvAttention(qkv: Tensor, options: QkvAttentionOptions): AttentionResult {
  const op = 'qkvAttention';
  const { heads, pastKey, pastValue, pastRowIndex, mask } = options;
  const { B, T, D, P, R } = checkQkvHeads(op, qkv, options);
  const fused =
    T === 1 && D % 4 === 0 && B > 0 && !recordsGradient([qkv, pastKey, pastValue, mask]);
  if (!fused) {
    const { q, key, value } = qkvHeads(qkv, options);
    return attention(q, key, value, mask ? { mask } : {});
  }
  if (mask) {
    commonBackend(op, { qkv, mask });
    checkSameDType(op, 'mask', qkv, mask);
    checkAttentionMask(op, mask, B, P + 1);
  }
  const output = newOutput(qkv.backend, [B, heads, 1, D], qkv.dtype);
  const key = newOutput(qkv.backend, [B, heads, P + 1, D], qkv.dtype);
  const value = newOutput(qkv.backend, [B, heads, P + 1, D], qkv.dtype);
  runKernel(
    op,
    'decodeQkvAttention',
    [qkv, pastKey ?? qkv, pastValue ?? qkv, pastRowIndex ?? qkv, mask ?? qkv],
    [output, key, value],
    {
      batch: B,
      heads,
      past: P,
      pastRows: R,
      pastIndexed: pastRowIndex ? 1 : 0,
      divisor: Math.sqrt(D),
      hasMask: mask ? 1 : 0,
    },
    { headSize: D },
  );
  return { output, key, value };
}

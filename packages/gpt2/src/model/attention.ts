// GPT-2 causal self-attention (HF GPT2Attention, nanoGPT CausalSelfAttention): one Conv1D makes
// q, k and v, the heads attend over [past, new] keys (prefix and/or KV cache), heads are merged
// and projected by c_proj. Shapes: B batch, T new tokens, P past length, C channels, NH heads,
// HS head size (C / NH). The softmax masking (causal, attention mask) is the tensor op's.
import { attention, linear, mergeHeads, qkvHeads, type Tensor } from '@prefixkit/tensor';
import type { LinearWeights } from './model-parameters';

/** Keys and values of earlier positions for one layer, each [B or 1, NH, P, HS]. */
export interface LayerKeyValue {
  readonly key: Tensor;
  readonly value: Tensor;
}

export interface SelfAttentionOptions {
  readonly heads: number;
  readonly past?: LayerKeyValue | undefined;
  /** i32 [B]: row b's past is past row pastRowIndex[b] (a beam reorder; any number of rows). */
  readonly pastRowIndex?: Tensor | undefined;
  /** [B, P+T] of 0/1 in the model's dtype. */
  readonly mask?: Tensor | undefined;
  /** [B, T, C], added to the output by c_proj's kernel (the block's residual stream). */
  readonly residual?: Tensor | undefined;
}

export interface SelfAttentionResult {
  /** [B, T, C], after c_proj (and the residual, when given). */
  readonly output: Tensor;
  /** [B, NH, P+T, HS]: the keys and values attended to (this layer's new cache). */
  readonly present: LayerKeyValue;
}

/** Causal multi-head self-attention of x [B, T, C]. */
export function causalSelfAttention(
  x: Tensor,
  weights: { readonly cAttn: LinearWeights; readonly cProj: LinearWeights },
  options: SelfAttentionOptions,
): SelfAttentionResult {
  const { cAttn, cProj } = weights;
  const heads = options.heads;
  // Conv1D weights are [in, out]; columns of qkv are q | k | v, head-major inside each.
  const qkv = linear(x, cAttn.weight, cAttn.bias); // (B, T, 3C)
  // Per-head q, and keys/values with the past's in front (one dispatch without a graph).
  const { q, key, value } = qkvHeads(qkv, {
    heads,
    pastKey: options.past?.key,
    pastValue: options.past?.value,
    pastRowIndex: options.pastRowIndex,
  }); // q (B, NH, T, HS); key, value (B, NH, P+T, HS)
  const attended = attention(q, key, value, options.mask ? { mask: options.mask } : {}); // output (B, NH, T, HS)
  const merged = mergeHeads(attended.output); // (B, T, C)
  const residual = options.residual ? { residual: options.residual } : {};
  const output = linear(merged, cProj.weight, cProj.bias, residual); // (B, T, C)
  return { output, present: { key: attended.key, value: attended.value } };
}

// GPT-2 causal self-attention (HF GPT2Attention, nanoGPT CausalSelfAttention) with the block's
// ln_1 in front: one Conv1D makes q, k and v from LN(x) (one fused op with the layer norm), the
// heads attend over [past, new] keys (prefix and/or KV cache), heads are merged and projected by
// c_proj. Shapes: B batch, T new tokens, P past length, C channels, NH heads,
// HS head size (C / NH). The softmax masking (causal, attention mask) is the tensor op's.
import { layerNormLinear, linear, mergeHeads, qkvAttention, type Tensor } from '@prefixkit/tensor';
import type { LayerNormWeights, LinearWeights } from './model-parameters';

/** Keys and values of earlier positions for one layer, each [B or 1, NH, P, HS]. */
export interface LayerKeyValue {
  readonly key: Tensor;
  readonly value: Tensor;
}

export interface SelfAttentionOptions {
  readonly heads: number;
  /** ln_1's epsilon. */
  readonly eps: number;
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

export interface AttendedHeads {
  /** [B, T, C]: the heads' outputs merged, before c_proj. */
  readonly merged: Tensor;
  /** [B, NH, P+T, HS]: the keys and values attended to (this layer's new cache). */
  readonly present: LayerKeyValue;
}

/** The attention heads of ln1(x) for x [B, T, C], merged; c_proj is the caller's. */
export function attendHeads(
  x: Tensor,
  weights: { readonly ln1: LayerNormWeights; readonly cAttn: LinearWeights },
  options: Omit<SelfAttentionOptions, 'residual'>,
): AttendedHeads {
  const { ln1, cAttn } = weights;
  // Conv1D weights are [in, out]; columns of qkv are q | k | v, head-major inside each.
  const qkv = layerNormLinear(x, ln1, cAttn, { eps: options.eps }); // (B, T, 3C)
  // Per-head q, and keys/values with the past's in front, attended to (a decoding step without
  // a graph is one dispatch).
  const attended = qkvAttention(qkv, {
    heads: options.heads,
    pastKey: options.past?.key,
    pastValue: options.past?.value,
    pastRowIndex: options.pastRowIndex,
    mask: options.mask,
  }); // output (B, NH, T, HS); key, value (B, NH, P+T, HS)
  const merged = mergeHeads(attended.output); // (B, T, C)
  return { merged, present: { key: attended.key, value: attended.value } };
}

/** Causal multi-head self-attention of ln1(x) for x [B, T, C]. */
export function causalSelfAttention(
  x: Tensor,
  weights: {
    readonly ln1: LayerNormWeights;
    readonly cAttn: LinearWeights;
    readonly cProj: LinearWeights;
  },
  options: SelfAttentionOptions,
): SelfAttentionResult {
  const { merged, present } = attendHeads(x, weights, options);
  const residual = options.residual ? { residual: options.residual } : {};
  const output = linear(merged, weights.cProj.weight, weights.cProj.bias, residual); // (B, T, C)
  return { output, present };
}

// GPT-2 causal self-attention (HF GPT2Attention, nanoGPT CausalSelfAttention): one Conv1D makes
// q, k and v, the heads attend over [past, new] keys (prefix and/or KV cache), heads are merged
// and projected by c_proj. Shapes: B batch, T new tokens, P past length, C channels, NH heads,
// HS head size (C / NH). The softmax masking (causal, attention mask) is the tensor op's.
import { add, attention, matmul, permute, reshape, slice, type Tensor } from '@prefixkit/tensor';
import type { LinearWeights } from './model-parameters';

/** Keys and values of earlier positions for one layer, each [B or 1, NH, P, HS]. */
export interface LayerKeyValue {
  readonly key: Tensor;
  readonly value: Tensor;
}

export interface SelfAttentionOptions {
  readonly heads: number;
  readonly past?: LayerKeyValue | undefined;
  /** [B, P+T] of 0/1 in the model's dtype. */
  readonly mask?: Tensor | undefined;
}

export interface SelfAttentionResult {
  /** [B, T, C], after c_proj. */
  readonly output: Tensor;
  /** [B, NH, P+T, HS]: the keys and values attended to (this layer's new cache). */
  readonly present: LayerKeyValue;
}

/** y = x @ W + b with HF Conv1D weights W [in, out]. */
export function conv1d(x: Tensor, linear: LinearWeights): Tensor {
  return add(matmul(x, linear.weight), linear.bias); // (..., out)
}

/** Causal multi-head self-attention of x [B, T, C]. */
export function causalSelfAttention(
  x: Tensor,
  weights: { readonly cAttn: LinearWeights; readonly cProj: LinearWeights },
  options: SelfAttentionOptions,
): SelfAttentionResult {
  const [B, T, C] = x.shape as [number, number, number];
  const NH = options.heads;
  const HS = C / NH;
  const qkv = conv1d(x, weights.cAttn); // (B, T, 3C): columns q | k | v, head-major inside each
  const heads = permute(reshape(qkv, [B, T, 3, NH, HS]), [2, 0, 3, 1, 4]); // (3, B, NH, T, HS)
  const q = reshape(slice(heads, 0, 0, 1), [B, NH, T, HS]); // (B, NH, T, HS)
  const k = reshape(slice(heads, 0, 1, 2), [B, NH, T, HS]); // (B, NH, T, HS)
  const v = reshape(slice(heads, 0, 2, 3), [B, NH, T, HS]); // (B, NH, T, HS)
  const attended = attention(q, k, v, {
    ...(options.past ? { pastKey: options.past.key, pastValue: options.past.value } : {}),
    ...(options.mask ? { mask: options.mask } : {}),
  }); // output (B, NH, T, HS); key, value (B, NH, P+T, HS)
  const merged = reshape(permute(attended.output, [0, 2, 1, 3]), [B, T, C]); // (B, T, C)
  const output = conv1d(merged, weights.cProj); // (B, T, C)
  return { output, present: { key: attended.key, value: attended.value } };
}

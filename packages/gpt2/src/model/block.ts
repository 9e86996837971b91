// One GPT-2 transformer block (HF GPT2Block, nanoGPT Block), pre-LN with residuals:
//   x = x + hook_attn(attn(ln_1(x)));  x = x + hook_mlp(mlp(ln_2(x)))
// Without hooks, everything after the attention heads is one op (blockTail: c_proj, the residual
// adds, ln_2, the MLP), which a decoding step runs as one kernel; with a hook, each residual add
// is done by its sub-layer's last matmul (linear's residual) where no hook sits.
// The hooks are where Houlsby adapters sit (docs/reference/REFERENCE-SPEC.md "Adapters"): each gets the
// sub-layer output after its c_proj and returns what is added to the residual stream.
import { add, blockTail, type Tensor } from '@prefixkit/tensor';
import { attendHeads, causalSelfAttention, type LayerKeyValue } from './attention';
import { type Activation, mlp } from './mlp';
import type { BlockWeights } from './model-parameters';

/** Per-layer adapter hooks; each receives and returns a [B, T, C] tensor. */
export interface Gpt2Hooks {
  /** Replaces a = c_proj(attention) before the residual add (adapter: a + up(f(down(a)))). */
  readonly afterAttention?: (layer: number, output: Tensor) => Tensor;
  /** Replaces z = c_proj(mlp) before the residual add. */
  readonly afterMlp?: (layer: number, output: Tensor) => Tensor;
}

export interface BlockOptions {
  readonly layer: number;
  readonly heads: number;
  readonly eps: number;
  readonly activation: Activation;
  readonly past?: LayerKeyValue | undefined;
  /** i32 [B]: row b's past is past row pastRowIndex[b] (Gpt2ForwardOptions.pastRowOrder). */
  readonly pastRowIndex?: Tensor | undefined;
  readonly mask?: Tensor | undefined;
  readonly hooks?: Gpt2Hooks | undefined;
}

/** Runs block `options.layer` on x [B, T, C]; returns the new x and this layer's keys/values. */
export function block(
  x: Tensor,
  weights: BlockWeights,
  options: BlockOptions,
): { x: Tensor; present: LayerKeyValue } {
  const { layer, hooks } = options;
  const afterAttention = hooks?.afterAttention;
  const afterMlp = hooks?.afterMlp;
  if (!afterAttention && !afterMlp) {
    // c_proj, both residual adds, ln_2 and the MLP as one op (one kernel for a decoding step).
    const heads = attendHeads(x, { ln1: weights.ln1, cAttn: weights.attention.cAttn }, options);
    const tailWeights = {
      out: weights.attention.cProj,
      norm: weights.ln2,
      up: weights.mlp.cFc,
      down: weights.mlp.cProj,
    };
    const tailOptions = { eps: options.eps, activation: options.activation };
    return { x: blockTail(heads.merged, x, tailWeights, tailOptions), present: heads.present }; // (B, T, C)
  }
  const attended = causalSelfAttention(
    x,
    { ln1: weights.ln1, ...weights.attention },
    { ...options, residual: afterAttention ? undefined : x },
  ); // output (B, T, C)
  const x1 = afterAttention ? add(x, afterAttention(layer, attended.output)) : attended.output; // (B, T, C)
  const mlpWeights = { ln2: weights.ln2, ...weights.mlp };
  const mlpOptions = { activation: options.activation, eps: options.eps };
  const x2 = afterMlp
    ? add(x1, afterMlp(layer, mlp(x1, mlpWeights, mlpOptions)))
    : mlp(x1, mlpWeights, { ...mlpOptions, residual: x1 }); // (B, T, C)
  return { x: x2, present: attended.present }; // (B, T, C)
}

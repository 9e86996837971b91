// GPT-2's feed-forward block (HF GPT2MLP) with the block's ln_2 in front: c_fc, activation,
// c_proj. F = n_inner (4C). ln_2 and c_fc are one fused op (layerNormLinear), c_proj one fused
// linear(): the activation and the block's residual add happen in the kernels' stores.
import { type LinearActivation, layerNormLinear, linear, type Tensor } from '@prefixkit/tensor';
import type { Gpt2Config } from '../config/gpt2-config';
import { Gpt2ModelError } from './model-errors';
import type { LayerNormWeights, LinearWeights } from './model-parameters';

export type Activation = LinearActivation;

/**
 * The activation named by config.activation_function. gelu_new and gelu_pytorch_tanh are the
 * same tanh approximation; `gelu` is the exact erf form (torch's F.gelu default).
 */
export function activationFor(config: Gpt2Config): Activation {
  switch (config.activation_function) {
    case 'gelu_new':
    case 'gelu_pytorch_tanh':
      return 'gelu';
    case 'gelu':
      return 'gelu-exact';
    case 'relu':
      return 'relu';
    default:
      throw new Gpt2ModelError(
        `config.json, field activation_function: expected "gelu_new", "gelu_pytorch_tanh", "gelu" or "relu", got "${config.activation_function}"`,
      );
  }
}

export interface MlpOptions {
  readonly activation: Activation;
  /** ln_2's epsilon. */
  readonly eps: number;
  /** [B, T, C], added to the output by c_proj's kernel (the block's residual stream). */
  readonly residual?: Tensor | undefined;
}

/** c_proj(act(c_fc(ln2(x)))) for x [B, T, C], plus `options.residual` when given. */
export function mlp(
  x: Tensor,
  weights: {
    readonly ln2: LayerNormWeights;
    readonly cFc: LinearWeights;
    readonly cProj: LinearWeights;
  },
  options: MlpOptions,
): Tensor {
  const { ln2, cFc, cProj } = weights;
  const { activation, eps, residual } = options;
  const hidden = layerNormLinear(x, ln2, cFc, { eps, activation }); // (B, T, F)
  return linear(hidden, cProj.weight, cProj.bias, residual ? { residual } : {}); // (B, T, C)
}

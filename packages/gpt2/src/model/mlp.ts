// GPT-2's feed-forward block (HF GPT2MLP): c_fc, activation, c_proj. F = n_inner (4C). Each
// Conv1D is one fused linear(): the activation and the block's residual add happen in the
// matmul kernels' stores.
import { type LinearActivation, linear, type Tensor } from '@prefixkit/tensor';
import type { Gpt2Config } from '../config/gpt2-config';
import { Gpt2ModelError } from './model-errors';
import type { LinearWeights } from './model-parameters';

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

/** c_proj(act(c_fc(x))) for x [B, T, C], plus `residual` [B, T, C] when given. */
export function mlp(
  x: Tensor,
  weights: { readonly cFc: LinearWeights; readonly cProj: LinearWeights },
  activation: Activation,
  residual?: Tensor,
): Tensor {
  const { cFc, cProj } = weights;
  const hidden = linear(x, cFc.weight, cFc.bias, { activation }); // (B, T, F)
  return linear(hidden, cProj.weight, cProj.bias, residual ? { residual } : {}); // (B, T, C)
}

// GPT-2's feed-forward block (HF GPT2MLP): c_fc, activation, c_proj. F = n_inner (4C).
import { gelu, relu, type Tensor } from '@prefixkit/tensor';
import type { Gpt2Config } from '../config/gpt2-config';
import { conv1d } from './attention';
import { Gpt2ModelError } from './model-errors';
import type { LinearWeights } from './model-parameters';

export type Activation = (x: Tensor) => Tensor;

const geluExact: Activation = (x) => gelu(x, { approximate: 'none' });

/**
 * The activation named by config.activation_function. gelu_new and gelu_pytorch_tanh are the
 * same tanh approximation; `gelu` is the exact erf form (torch's F.gelu default).
 */
export function activationFor(config: Gpt2Config): Activation {
  switch (config.activation_function) {
    case 'gelu_new':
    case 'gelu_pytorch_tanh':
      return gelu;
    case 'gelu':
      return geluExact;
    case 'relu':
      return relu;
    default:
      throw new Gpt2ModelError(
        `config.json, field activation_function: expected "gelu_new", "gelu_pytorch_tanh", "gelu" or "relu", got "${config.activation_function}"`,
      );
  }
}

/** c_proj(act(c_fc(x))) for x [B, T, C]. */
export function mlp(
  x: Tensor,
  weights: { readonly cFc: LinearWeights; readonly cProj: LinearWeights },
  activation: Activation,
): Tensor {
  const hidden = activation(conv1d(x, weights.cFc)); // (B, T, F)
  return conv1d(hidden, weights.cProj); // (B, T, C)
}

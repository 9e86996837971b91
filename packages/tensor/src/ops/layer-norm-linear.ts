// A layer norm followed by a linear layer, y = act(LN(x) @ W + b): a pre-LN transformer's
// ln_1 -> c_attn and ln_2 -> c_fc. A decoding step's few rows (at most
// LAYER_NORM_LINEAR_MAX_ROWS) of a small product (K * N at most LAYER_NORM_LINEAR_MAX_PRODUCT,
// where a dispatch costs as much as the product) that record no gradient run as one kernel
// (layerNormLinear); any other call is layerNorm then linear, the ops whose backward passes are
// checked, so training computes exactly what it did before.
import { recordsGradient } from '../autograd/tape';
import { ShapeMismatchError } from '../errors';
import {
  LAYER_NORM_LINEAR_MAX_PRODUCT,
  LAYER_NORM_LINEAR_MAX_ROWS,
  layerNormLinearRows,
} from '../kernels/layer-norm-linear/layer-norm-linear.wgsl';
import { MATMUL_ACTIVATIONS } from '../kernels/matmul';
import type { Tensor } from '../tensor';
import { layerNorm } from './layer-norm';
import { type LinearActivation, linear } from './linear';
import { checkFloat, checkSameDType, commonBackend, newOutput, runKernel } from './op-utils';

/** A weight and a bias (a layer norm's [C] pair, or a linear layer's [K, N] and [N]). */
export interface WeightAndBias {
  readonly weight: Tensor;
  readonly bias: Tensor;
}

export interface LayerNormLinearOptions {
  /** The layer norm's epsilon (default 1e-5, GPT-2's). */
  readonly eps?: number;
  /** Applied to LN(x) @ W + b. */
  readonly activation?: LinearActivation;
}

/**
 * act(layerNorm(x) @ layer.weight + layer.bias) for x [..., K], norm [K], layer.weight [K, N].
 * @example const h = layerNormLinear(x, ln2, cFc, { activation: 'gelu' }); // GPT-2's ln_2, c_fc
 */
export function layerNormLinear(
  x: Tensor,
  norm: WeightAndBias,
  layer: WeightAndBias,
  options: LayerNormLinearOptions = {},
): Tensor {
  const op = 'layerNormLinear';
  const eps = options.eps ?? 1e-5;
  const activation = options.activation;
  const K = x.shape[x.rank - 1] ?? 0;
  const rows = x.size / Math.max(1, K);
  const N = layer.weight.shape[1] ?? 0;
  const tensors = [x, norm.weight, norm.bias, layer.weight, layer.bias];
  const small = rows <= LAYER_NORM_LINEAR_MAX_ROWS && K * N <= LAYER_NORM_LINEAR_MAX_PRODUCT;
  if (!small || rows === 0 || recordsGradient(tensors)) {
    const normed = layerNorm(x, norm.weight, norm.bias, { eps });
    return linear(normed, layer.weight, layer.bias, activation ? { activation } : {});
  }
  commonBackend(op, {
    x,
    normWeight: norm.weight,
    normBias: norm.bias,
    weight: layer.weight,
    bias: layer.bias,
  });
  for (const [name, t] of [
    ['normWeight', norm.weight],
    ['normBias', norm.bias],
    ['weight', layer.weight],
    ['bias', layer.bias],
  ] as const) {
    checkFloat(op, name, t);
    checkSameDType(op, name, x, t);
  }
  for (const [name, t] of [
    ['normWeight', norm.weight],
    ['normBias', norm.bias],
  ] as const)
    if (t.rank !== 1 || t.shape[0] !== K) throw new ShapeMismatchError(op, name, `[${K}]`, t.shape);
  const { weight, bias } = layer;
  if (weight.rank !== 2 || weight.shape[0] !== K)
    throw new ShapeMismatchError(op, 'weight', `[${K}, N]`, weight.shape);
  if (bias.rank !== 1 || bias.shape[0] !== N)
    throw new ShapeMismatchError(op, 'bias', `[${N}]`, bias.shape);
  const out = newOutput(x.backend, [...x.shape.slice(0, -1), N], x.dtype);
  runKernel(
    op,
    'layerNormLinear',
    [x, norm.weight, norm.bias, weight, bias],
    [out],
    { M: rows, N, K, eps },
    { rows: layerNormLinearRows(rows), activation: MATMUL_ACTIVATIONS[activation ?? 'none'] },
  );
  return out;
}

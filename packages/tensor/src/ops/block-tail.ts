// The rest of a pre-LN transformer block after its attention heads (GPT-2's c_proj, residual,
// ln_2, MLP, residual):
//   h = x + linear(a, out);   y = h + linear(act(linear(layerNorm(h), up)), down)
// A decoding step's few rows (at most BLOCK_TAIL_MAX_ROWS) of small products (blockTailFits)
// that record no gradient run as one kernel (blockTail), on a device that lets a kernel bind its
// 11 storage buffers (not Chromium's 10, nor WebGPU's default 8); any other call is linear with its
// residual, layerNormLinear and linear with its residual, the ops whose backward passes are
// checked, so training computes exactly what it did before.
import { recordsGradient } from '../autograd/tape';
import { ShapeMismatchError } from '../errors';
import {
  BLOCK_TAIL_MAX_ROWS,
  blockTailCapacity,
  blockTailFits,
} from '../kernels/block-tail/block-tail.wgsl';
import { MATMUL_ACTIVATIONS } from '../kernels/matmul';
import type { Tensor } from '../tensor';
import { layerNormLinear, type WeightAndBias } from './layer-norm-linear';
import { type LinearActivation, linear } from './linear';
import {
  checkFloat,
  checkSameDType,
  commonBackend,
  kernelBindsOn,
  newOutput,
  runKernel,
} from './op-utils';

export interface BlockTailWeights {
  /** The attention's output projection, [C, C] and [C] (GPT-2's attn.c_proj). */
  readonly out: WeightAndBias;
  /** The layer norm in front of the MLP, [C] and [C] (ln_2). */
  readonly norm: WeightAndBias;
  /** The MLP's first layer, [C, F] and [F] (mlp.c_fc). */
  readonly up: WeightAndBias;
  /** The MLP's second layer, [F, C] and [C] (mlp.c_proj). */
  readonly down: WeightAndBias;
}

export interface BlockTailOptions {
  /** The layer norm's epsilon (default 1e-5, GPT-2's). */
  readonly eps?: number;
  /** The MLP's activation (default none). */
  readonly activation?: LinearActivation;
}

/**
 * The block's output for the merged attention heads a [..., C] and the block's input x [..., C].
 * @example const y = blockTail(merged, x, { out: cProj, norm: ln2, up: cFc, down: mlpProj }, { activation: 'gelu' });
 */
export function blockTail(
  a: Tensor,
  x: Tensor,
  weights: BlockTailWeights,
  options: BlockTailOptions = {},
): Tensor {
  const op = 'blockTail';
  const eps = options.eps ?? 1e-5;
  const { out, norm, up, down } = weights;
  const C = a.shape[a.rank - 1] ?? 0;
  const F = up.weight.shape[1] ?? 0;
  const rows = a.size / Math.max(1, C);
  // The kernel's inputs, in its binding order.
  const inputs = [
    a,
    x,
    out.weight,
    out.bias,
    norm.weight,
    norm.bias,
    up.weight,
    up.bias,
    down.weight,
    down.bias,
  ];
  const fused =
    rows > 0 &&
    rows <= BLOCK_TAIL_MAX_ROWS &&
    blockTailFits(C, F) &&
    kernelBindsOn(a.backend, 'blockTail') &&
    !recordsGradient(inputs);
  if (!fused) {
    const h = linear(a, out.weight, out.bias, { residual: x });
    const activation = options.activation ? { activation: options.activation } : {};
    const hidden = layerNormLinear(h, norm, up, { eps, ...activation });
    return linear(hidden, down.weight, down.bias, { residual: h });
  }
  commonBackend(op, {
    a,
    x,
    outWeight: out.weight,
    outBias: out.bias,
    normWeight: norm.weight,
    normBias: norm.bias,
    upWeight: up.weight,
    upBias: up.bias,
    downWeight: down.weight,
    downBias: down.bias,
  });
  const expected: [string, Tensor, readonly number[]][] = [
    ['x', x, a.shape],
    ['outWeight', out.weight, [C, C]],
    ['outBias', out.bias, [C]],
    ['normWeight', norm.weight, [C]],
    ['normBias', norm.bias, [C]],
    ['upWeight', up.weight, [C, F]],
    ['upBias', up.bias, [F]],
    ['downWeight', down.weight, [F, C]],
    ['downBias', down.bias, [C]],
  ];
  checkFloat(op, 'a', a);
  for (const [name, tensor, shape] of expected) {
    checkFloat(op, name, tensor);
    checkSameDType(op, name, a, tensor);
    const same =
      tensor.rank === shape.length && tensor.shape.every((size, axis) => size === shape[axis]);
    if (!same) throw new ShapeMismatchError(op, name, `[${shape.join(', ')}]`, tensor.shape);
  }
  const y = newOutput(a.backend, a.shape, a.dtype);
  runKernel(
    op,
    'blockTail',
    inputs,
    [y],
    { M: rows, C, F, eps },
    {
      channels: blockTailCapacity(C),
      hidden: blockTailCapacity(F),
      activation: MATMUL_ACTIVATIONS[options.activation ?? 'none'],
    },
  );
  return y;
}

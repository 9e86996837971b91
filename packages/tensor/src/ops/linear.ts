// A linear layer y = act(x @ W + b) (+ residual) with the bias, the activation and the residual
// add done by the matmul kernel itself (matmulBias / matmulBiasResidual): one dispatch where
// matmul, add, activation and add were four, and no intermediate [rows, N] tensors. W is
// [K, N] as HF's Conv1D stores it. Gradients: without an activation the fused forward is kept
// and the backward is two matmuls and a row sum; with one, a graph that needs gradients runs
// linear (bias fused) then the activation op, which saves the pre-activation for its backward.
import { record, recordsGradient } from '../autograd/tape';
import { formatShape, ShapeMismatchError } from '../errors';
import { MATMUL_ACTIVATIONS, type MatmulActivation, matmulTileConstants } from '../kernels/matmul';
import { sameShape } from '../shape';
import type { Tensor } from '../tensor';
import { gelu, relu } from './activation';
import { add } from './elementwise';
import { matmul } from './matmul';
import {
  checkFloat,
  checkSameDType,
  commonBackend,
  newOutput,
  runKernel,
  viewOf,
} from './op-utils';
import { sumTo } from './reduce';

export type LinearActivation = Exclude<MatmulActivation, 'none'>;

export interface LinearOptions {
  /** Applied to x @ W + b before the residual is added. */
  readonly activation?: LinearActivation;
  /** [..., N], the shape of the output: added last (a residual stream). */
  readonly residual?: Tensor;
}

const activationOps: Record<LinearActivation, (x: Tensor) => Tensor> = {
  gelu: (x) => gelu(x),
  'gelu-exact': (x) => gelu(x, { approximate: 'none' }),
  relu: (x) => relu(x),
};

/**
 * act(x @ weight + bias) + residual for x [..., K], weight [K, N], bias [N].
 * @example const h = linear(x, cFc.weight, cFc.bias, { activation: 'gelu' }); // GPT-2's c_fc
 */
export function linear(
  x: Tensor,
  weight: Tensor,
  bias: Tensor,
  options: LinearOptions = {},
): Tensor {
  const { activation, residual } = options;
  const needsGraph = recordsGradient([x, weight, bias, residual]);
  if (activation && needsGraph) {
    // z and y stay alive with the graph (the activation's backward reads z), freed by tidy.
    const y = activationOps[activation](linear(x, weight, bias));
    return residual ? add(y, residual) : y;
  }
  return fusedLinear(x, weight, bias, activation, residual);
}

function fusedLinear(
  x: Tensor,
  weight: Tensor,
  bias: Tensor,
  activation: LinearActivation | undefined,
  residual: Tensor | undefined,
): Tensor {
  const op = 'linear';
  commonBackend(op, residual ? { x, weight, bias, residual } : { x, weight, bias });
  for (const [name, t] of [
    ['x', x],
    ['weight', weight],
    ['bias', bias],
  ] as const) {
    checkFloat(op, name, t);
    checkSameDType(op, name, x, t);
  }
  if (x.rank < 2) throw new ShapeMismatchError(op, 'x', '[..., M, K]', x.shape);
  const K = x.shape[x.rank - 1]!;
  if (weight.rank !== 2 || weight.shape[0] !== K)
    throw new ShapeMismatchError(op, 'weight', `[${K}, N]`, weight.shape);
  const N = weight.shape[1]!;
  if (bias.rank !== 1 || bias.shape[0] !== N)
    throw new ShapeMismatchError(op, 'bias', `[${N}]`, bias.shape);
  const shape = [...x.shape.slice(0, -1), N];
  if (residual) {
    checkSameDType(op, 'residual', x, residual);
    if (!sameShape(residual.shape, shape))
      throw new ShapeMismatchError(op, 'residual', formatShape(shape), residual.shape);
  }
  const M = x.size / Math.max(1, K);
  const out = newOutput(x.backend, shape, x.dtype);
  if (M * N > 0) {
    runKernel(
      op,
      residual ? 'matmulBiasResidual' : 'matmulBias',
      residual ? [x, weight, bias, residual] : [x, weight, bias],
      [out],
      {
        batch: 1,
        M,
        N,
        K,
        transposeA: 0,
        transposeB: 0,
        strideA: 0,
        strideB: 0,
        strideC: M * N,
      },
      { ...matmulTileConstants(M), activation: MATMUL_ACTIVATIONS[activation ?? 'none'] },
    );
  }
  if (activation) return out; // only reached without a graph
  const parents = residual ? [x, weight, bias, residual] : [x, weight, bias];
  return record(op, out, parents, (g, needs) => {
    const g2d = viewOf(g, [M, N]);
    const x2d = viewOf(x, [M, K]);
    const dx = needs[0] ? matmul(g, weight, { transposeB: true }) : null; // (..., K)
    const dw = needs[1] ? matmul(x2d, g2d, { transposeA: true }) : null; // (K, N)
    const db = needs[2] ? sumTo(g2d, [N]) : null; // (N)
    x2d.dispose();
    g2d.dispose();
    return residual ? [dx, dw, db, needs[3] ? g : null] : [dx, dw, db];
  });
}

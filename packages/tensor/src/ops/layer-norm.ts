// Layer norm over the last axis with a fused forward kernel (saving mean and rstd) and fused
// backward kernels: one for dx, one for dweight and dbias (skipped when the LN is frozen).
import { record } from '../autograd/tape';
import { ShapeMismatchError } from '../errors';
import { rowKernelConstants } from '../flags';
import type { Tensor } from '../tensor';
import {
  checkFloat,
  checkSameDType,
  commonBackend,
  newOutput,
  newTensor,
  runKernel,
} from './op-utils';

export interface LayerNormOptions {
  /** Added to the variance; GPT-2 uses 1e-5 (the default). */
  eps?: number;
}

/** (x - mean) / sqrt(var + eps) * weight + bias over the last axis; weight, bias [C]. */
export function layerNorm(
  x: Tensor,
  weight: Tensor,
  bias: Tensor,
  options: LayerNormOptions = {},
): Tensor {
  const op = 'layerNorm';
  commonBackend(op, { x, weight, bias });
  checkFloat(op, 'x', x);
  checkSameDType(op, 'weight', x, weight);
  checkSameDType(op, 'bias', x, bias);
  const cols = x.shape[x.rank - 1] ?? 0;
  if (x.rank < 1) throw new ShapeMismatchError(op, 'x', '[..., C]', x.shape);
  if (weight.rank !== 1 || weight.shape[0] !== cols)
    throw new ShapeMismatchError(op, 'weight', `[${cols}]`, weight.shape);
  if (bias.rank !== 1 || bias.shape[0] !== cols)
    throw new ShapeMismatchError(op, 'bias', `[${cols}]`, bias.shape);
  const rows = x.size / Math.max(1, cols);
  const y = newOutput(x.backend, x.shape, x.dtype);
  const mean = newOutput(x.backend, [rows], x.dtype);
  const rstd = newOutput(x.backend, [rows], x.dtype);
  const constants = rowKernelConstants(); // thread or workgroup per row (flags.ts)
  if (x.size > 0)
    runKernel(
      op,
      'layerNormForward',
      [x, weight, bias],
      [y, mean, rstd],
      { rows, cols, eps: options.eps ?? 1e-5 },
      constants,
    );
  return record(op, y, [x, weight, bias], (g, needs) => {
    let dx: Tensor | null = null;
    if (needs[0]) {
      dx = newTensor(g.backend, x.shape, x.dtype);
      if (x.size > 0)
        runKernel(
          `${op}.backward`,
          'layerNormBackward',
          [g, x, weight, mean, rstd],
          [dx],
          { rows, cols },
          constants,
        );
    }
    if (!needs[1] && !needs[2]) return [dx, null, null];
    const dw = newTensor(g.backend, [cols], x.dtype);
    const db = newTensor(g.backend, [cols], x.dtype);
    runKernel(`${op}.backward`, 'layerNormParamsBackward', [g, x, mean, rstd], [dw, db], {
      rows,
      cols,
    });
    return [dx, dw, db];
  });
}

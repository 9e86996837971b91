// Softmax over the last axis, and the masked variant attention uses (scale, causal mask over a
// past of P positions, HF attention-mask semantics; see kernels/softmax/softmax.wgsl.ts).
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

export interface MaskedSoftmaxOptions {
  /** Scores are divided by this first (sqrt(D) in attention). Default 1. */
  divisor?: number;
  /** Query q of a row may see key j only when j <= (cols - queryLen) + q. Default false. */
  causal?: boolean;
  /** Rows are [batch, heads, queryLen] flattened; needed for causal and mask. Default 1. */
  queryLen?: number;
  heads?: number;
  /** [batch, cols] of 0/1: 0 masks the key (adds finfo.min, as HF). */
  mask?: Tensor;
}

/** Softmax over the last axis with optional scaling and attention masking. */
export function maskedSoftmax(x: Tensor, options: MaskedSoftmaxOptions = {}): Tensor {
  const op = 'maskedSoftmax';
  commonBackend(op, options.mask ? { x, mask: options.mask } : { x });
  checkFloat(op, 'x', x);
  if (x.rank < 1) throw new ShapeMismatchError(op, 'x', 'at least 1 dimension', x.shape);
  const cols = x.shape[x.rank - 1]!;
  const rows = x.size / Math.max(1, cols);
  const { divisor = 1, causal = false, queryLen = 1, heads = 1, mask } = options;
  if (causal && queryLen > cols) {
    throw new ShapeMismatchError(
      op,
      'x',
      `a last axis of at least queryLen = ${queryLen}`,
      x.shape,
    );
  }
  if ((causal || mask) && rows % (queryLen * heads) !== 0) {
    throw new ShapeMismatchError(
      op,
      'x',
      `rows (all but the last axis) divisible by queryLen * heads = ${queryLen * heads}`,
      x.shape,
    );
  }
  if (mask) {
    checkSameDType(op, 'mask', x, mask);
    const batch = rows / (queryLen * heads);
    if (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== cols) {
      throw new ShapeMismatchError(op, 'mask', `[${batch}, ${cols}]`, mask.shape);
    }
  }
  const out = newOutput(x.backend, x.shape, x.dtype);
  const constants = rowKernelConstants(); // thread or workgroup per row (flags.ts)
  if (x.size > 0) {
    const uniforms = { rows, cols, queryLen, heads, divisor, causal: causal ? 1 : 0 };
    runKernel(
      op,
      'maskedSoftmaxForward',
      [x, mask ?? x],
      [out],
      { ...uniforms, hasMask: mask ? 1 : 0 },
      constants,
    );
  }
  return record(op, out, [x], (g) => {
    const dx = newTensor(g.backend, x.shape, x.dtype);
    if (x.size > 0) {
      const uniforms = { rows, cols, queryLen, divisor, causal: causal ? 1 : 0 };
      runKernel(`${op}.backward`, 'maskedSoftmaxBackward', [out, g], [dx], uniforms, constants);
    }
    return [dx];
  });
}

/** Softmax over the last axis. */
export function softmax(x: Tensor): Tensor {
  return maskedSoftmax(x);
}

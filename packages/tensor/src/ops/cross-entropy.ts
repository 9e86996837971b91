// Cross-entropy of logits against integer labels with an ignore index (torch semantics:
// 'mean' divides by the number of counted labels, one mean over the whole batch as HF's GPT-2
// loss). Softmax, loss and gradient are fused kernels; nothing is read back.
import { record } from '../autograd/tape';
import { formatShape, InvalidArgumentError, ShapeMismatchError } from '../errors';
import type { Tensor } from '../tensor';
import { checkFloat, checkInt, commonBackend, newTensor, runKernel } from './op-utils';

export interface CrossEntropyOptions {
  /** Labels equal to this (and labels outside [0, V)) are not counted. Default -100. */
  ignoreIndex?: number;
  /** 'mean' over counted labels (default) or 'sum'. */
  reduction?: 'mean' | 'sum';
}

/** Scalar loss of logits [..., V] against labels [...] (i32). */
export function crossEntropy(
  logits: Tensor,
  labels: Tensor,
  options: CrossEntropyOptions = {},
): Tensor {
  const op = 'crossEntropy';
  commonBackend(op, { logits, labels });
  checkFloat(op, 'logits', logits);
  checkInt(op, 'labels', labels);
  const reduction = options.reduction ?? 'mean';
  if (reduction !== 'mean' && reduction !== 'sum') {
    throw new InvalidArgumentError(op, 'reduction', "'mean' or 'sum'", reduction);
  }
  const cols = logits.shape[logits.rank - 1] ?? 0;
  const expected = logits.shape.slice(0, -1);
  if (labels.rank !== expected.length || labels.shape.some((d, a) => d !== expected[a])) {
    throw new ShapeMismatchError(op, 'labels', formatShape(expected), labels.shape);
  }
  const rows = labels.size;
  const uniforms = {
    rows,
    cols,
    ignoreIndex: options.ignoreIndex ?? -100,
    mean: reduction === 'mean' ? 1 : 0,
  };
  const rowLoss = newTensor(logits.backend, [rows], logits.dtype);
  const logSumExp = newTensor(logits.backend, [rows], logits.dtype);
  const out = newTensor(logits.backend, [], logits.dtype);
  const count = newTensor(logits.backend, [1], logits.dtype);
  runKernel(op, 'crossEntropyForward', [logits, labels], [rowLoss, logSumExp], uniforms);
  runKernel(op, 'crossEntropyReduce', [rowLoss, labels], [out, count], uniforms);
  rowLoss.dispose();
  return record(op, out, [logits, labels], (g, needs) => {
    if (!needs[0]) return [null, null];
    const dLogits = newTensor(g.backend, logits.shape, logits.dtype);
    runKernel(
      `${op}.backward`,
      'crossEntropyBackward',
      [logits, labels, logSumExp, g, count],
      [dLogits],
      uniforms,
    );
    return [dLogits, null];
  });
}

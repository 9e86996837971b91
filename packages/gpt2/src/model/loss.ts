// Language-model losses over logits [B, T, V] and labels [B, T] (docs/reference/REFERENCE-SPEC.md
// "loss"): position t predicts labels[t+1]; labels equal to -100 are not counted.
//   'mean'              HF GPT2LMHeadModel: one mean over every counted token of the batch.
//   'sum-per-sequence'  the paper's objective: each row's token losses summed, one value per row.
// The shift is done on the labels (a -100 column appended) rather than by slicing the logits,
// so the large [B, T, V] tensor is never copied.
import { concat, crossEntropy, full, reshape, slice, type Tensor } from '@prefixkit/tensor';

export type LossReduction = 'mean' | 'sum-per-sequence';

/** The label HF's loss (and torch's cross_entropy) skips. */
export const ignoredLabel = -100;

/** labels [B, T] (i32) -> [B, T] with row b = labels[b, 1:] followed by -100. */
export function shiftLabels(labels: Tensor): Tensor {
  const [B, T] = labels.shape as [number, number];
  const next = slice(labels, 1, 1, T); // (B, T-1)
  const tail = full([B, 1], ignoredLabel, { backend: labels.backend, dtype: 'i32' }); // (B, 1)
  return concat([next, tail], 1); // (B, T)
}

/**
 * The loss of logits [B, T, V] against unshifted labels [B, T] (i32): a scalar for 'mean', a
 * [B] vector of per-row sums for 'sum-per-sequence'.
 */
export function languageModelLoss(
  logits: Tensor,
  labels: Tensor,
  reduction: LossReduction,
): Tensor {
  const targets = shiftLabels(labels); // (B, T)
  if (reduction === 'mean') return crossEntropy(logits, targets, { ignoreIndex: ignoredLabel }); // ()
  const B = logits.shape[0]!;
  const rows: Tensor[] = [];
  for (let b = 0; b < B; b++) {
    const rowLogits = slice(logits, 0, b, b + 1); // (1, T, V)
    const rowTargets = slice(targets, 0, b, b + 1); // (1, T)
    const rowLoss = crossEntropy(rowLogits, rowTargets, {
      ignoreIndex: ignoredLabel,
      reduction: 'sum',
    }); // ()
    rows.push(reshape(rowLoss, [1])); // (1)
  }
  return concat(rows, 0); // (B)
}

// The language-model loss without the full logits tensor [B, T, V] (Gpt2Model.forward with
// logitsFor 'none'). Same values and gradients as languageModelLoss (./loss.ts,
// docs/reference/REFERENCE-SPEC.md "loss"), computed differently:
//   1. On the host, from the labels (host data already): the positions t whose shifted target
//      labels[t+1] is not -100, in row-major order: N of them.
//   2. Only those N rows of the last hidden states are gathered (indexSelect, whose gradient
//      scatters back), then the final LayerNorm (per row, so gathering first is exact).
//   3. The LM head h @ wte^T and the cross-entropy run on pieces of at most `chunkRows` rows, so
//      each piece's logits [rows, V] fit one storage binding (lavapipe and browsers: 128 MiB;
//      E2E batch 10 x ~100 tokens x 50257 x 4 bytes does not), and cost N/(B*T) of the full
//      head, which dominates a small model's FLOPs (prefix-tuning masks the source tokens, so
//      about half the rows need no logits at all).
//   4. Each piece's cross-entropy is a 'sum' over its rows, and the pieces combine on the device:
//      'mean' = (sum over pieces) / N; 'sum-per-sequence' = per row, the sum of its own pieces.
//      For the per-row sums a piece never straddles two sequences: crossEntropy only returns a
//      scalar, and slicing one [rows, V] chunk per sequence would give each slice's gradient a
//      whole [rows, V] buffer; a piece per sequence slices only the small [N, C] hidden rows.
// Memory: each piece's logits stay in the autograd graph until backward (the cross-entropy
// keeps them), so the saving in memory is the masked rows'; what the chunks buy is that no
// single buffer binds more than one binding's worth.
import {
  add,
  concat,
  crossEntropy,
  indexSelect,
  reshape,
  scale,
  slice,
  type Tensor,
  tensor,
  zeros,
} from '@prefixkit/tensor';
import { ignoredLabel, type LossReduction } from './loss';
import { Gpt2InputError, Gpt2ModelError } from './model-errors';

export interface LabelledRowsLossOptions {
  readonly reduction: LossReduction;
  /** Most rows of one logits piece [rows, V] (a positive integer or Infinity). */
  readonly chunkRows: number;
  /** The final LayerNorm: [N, C] -> [N, C]. */
  readonly norm: (h: Tensor) => Tensor;
  /** The LM head: [rows, C] -> [rows, V]. */
  readonly head: (h: Tensor) => Tensor;
}

/**
 * Rows per logits piece: the caller's `logitsChunkRows` (a positive integer) capped by how many
 * rows of [rows, V] one storage binding holds on this device.
 */
export function chunkRowsFor(requested: number | undefined, perBinding: number): number {
  const rows = requested ?? Number.POSITIVE_INFINITY;
  if (!(rows === Number.POSITIVE_INFINITY || (Number.isInteger(rows) && rows > 0)))
    throw new Gpt2InputError('logitsChunkRows', 'a positive integer', String(requested));
  if (perBinding < 1)
    throw new Gpt2ModelError(
      "LM head: one row of logits exceeds this device's maxStorageBufferBindingSize",
    );
  return Math.min(rows, perBinding);
}

/** Rows [start, end) of the gathered N rows that one head + cross-entropy call handles. */
interface Piece {
  readonly start: number;
  readonly end: number;
  /** The batch row the piece belongs to ('sum-per-sequence' pieces only). */
  readonly sequence: number;
}

/** The host-side plan: which flat positions of [B*T] are scored, against what, in which pieces. */
export function planLabelledRows(
  labels: Int32Array,
  shape: readonly [number, number],
  reduction: LossReduction,
  chunkRows: number,
): { rows: Int32Array; targets: Int32Array; pieces: Piece[] } {
  const [B, T] = shape;
  const rows: number[] = [];
  const targets: number[] = [];
  const pieces: Piece[] = [];
  for (let b = 0; b < B; b++) {
    const first = rows.length;
    for (let t = 0; t + 1 < T; t++) {
      const target = labels[b * T + t + 1]!;
      if (target === ignoredLabel) continue;
      rows.push(b * T + t);
      targets.push(target);
    }
    if (reduction === 'sum-per-sequence')
      for (let start = first; start < rows.length; start += chunkRows)
        pieces.push({ start, end: Math.min(rows.length, start + chunkRows), sequence: b });
  }
  if (reduction === 'mean')
    for (let start = 0; start < rows.length; start += chunkRows)
      pieces.push({ start, end: Math.min(rows.length, start + chunkRows), sequence: -1 });
  return { rows: Int32Array.from(rows), targets: Int32Array.from(targets), pieces };
}

/**
 * The loss of hidden states [B, T, C] (before the final LayerNorm) against unshifted host
 * labels [B*T] (row-major, -100 = ignored): a scalar for 'mean', [B] for 'sum-per-sequence'.
 * Equal to languageModelLoss(head(norm(hidden)), labels) without computing masked rows' logits.
 */
export function labelledRowsLoss(
  hidden: Tensor,
  labels: Int32Array,
  options: LabelledRowsLossOptions,
): Tensor {
  const [B, T, C] = hidden.shape as [number, number, number];
  const { backend } = hidden;
  const { reduction, norm, head } = options;
  const { rows, targets, pieces } = planLabelledRows(labels, [B, T], reduction, options.chunkRows);
  const flat = reshape(hidden, [B * T, C]); // (B*T, C)
  const N = rows.length;

  if (N === 0) {
    // Nothing is scored: the full path's values (mean 0/0 = NaN, per-row sums 0) from one row
    // whose target is ignored, still attached to the graph so backward gives zero gradients.
    const none = head(norm(slice(flat, 0, 0, 1))); // (1, V)
    const ignored = tensor(Int32Array.of(ignoredLabel), [1], { backend, dtype: 'i32' });
    if (reduction === 'mean') return crossEntropy(none, ignored, { ignoreIndex: ignoredLabel }); // ()
    const zero = reshape(crossEntropy(none, ignored, { reduction: 'sum' }), [1]); // (1)
    return concat(new Array<Tensor>(B).fill(zero), 0); // (B)
  }

  const picked = indexSelect(flat, 0, tensor(rows, [N], { backend, dtype: 'i32' })); // (N, C)
  const normed = norm(picked); // (N, C)
  const pieceLoss = ({ start, end }: Piece): Tensor => {
    const h = start === 0 && end === N ? normed : slice(normed, 0, start, end); // (rows, C)
    const pieceTargets = tensor(targets.subarray(start, end), [end - start], {
      backend,
      dtype: 'i32',
    }); // (rows)
    return crossEntropy(head(h), pieceTargets, {
      ignoreIndex: ignoredLabel,
      reduction: 'sum',
    }); // ()
  };

  if (reduction === 'mean') {
    const total = pieces.map(pieceLoss).reduce((sum, loss) => add(sum, loss)); // ()
    return scale(total, 1 / N); // ()
  }
  const perRow: (Tensor | null)[] = new Array<Tensor | null>(B).fill(null);
  for (const piece of pieces) {
    const loss = pieceLoss(piece); // ()
    const previous = perRow[piece.sequence];
    perRow[piece.sequence] = previous ? add(previous, loss) : loss;
  }
  return concat(
    perRow.map((loss) =>
      loss ? reshape(loss, [1]) : zeros([1], { backend, dtype: hidden.dtype }),
    ),
    0,
  ); // (B)
}

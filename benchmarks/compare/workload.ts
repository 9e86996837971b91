// The token ids both sides run: made here once per case and handed to compare_torch.py as they
// are, so prefixkit and PyTorch see the same prompts and batches.

/** Seeded ids in [0, below): a 32-bit LCG, enough for benchmark inputs. */
export function seededIds(count: number, below: number, seed: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  });
}

/** `rows` distinct prompts of `length` tokens, never the end-of-text id (`vocab - 1` and up). */
export function prompts(rows: number, length: number, vocab: number): number[][] {
  // GPT-2's eos is the last id of its vocabulary; keeping prompts below it keeps them ordinary.
  return Array.from({ length: rows }, (_, row) => seededIds(length, vocab - 1, 101 + row));
}

export interface TrainingRows {
  readonly ids: number[][];
  /** -100 (no loss) over the source half, the ids over the target half, as in table-to-text. */
  readonly labels: number[][];
}

/** `batch` rows of `tokens` ids: a source half closed by the separator `vocab - 1`, then a target. */
export function trainingRows(batch: number, tokens: number, vocab: number): TrainingRows {
  const separator = vocab - 1;
  const source = Math.floor(tokens / 2);
  const ids = Array.from({ length: batch }, (_, row) => {
    const rowIds = seededIds(tokens, vocab - 1, 7 + row);
    rowIds[source - 1] = separator;
    return rowIds;
  });
  const labels = ids.map((rowIds) => rowIds.map((id, t) => (t < source ? -100 : id)));
  return { ids, labels };
}

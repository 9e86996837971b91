// The held-out loss of a model or method: the token mean of the shifted cross-entropy over every
// target token of the examples (labels -100 skipped), as the Trainer's evaluation computes it,
// so the no-prefix model and the prefix-tuned one are measured the same way.
import { padBatch, type TokenizedExample } from '@prefixkit/datasets';
import type { Gpt2Output } from '@prefixkit/gpt2';
import { keep, noGrad, tidy } from '@prefixkit/tensor';

type Forward = (ids: number[][], options: { labels: number[][]; logitsFor: 'none' }) => Gpt2Output;

/** Mean cross-entropy (nats per target token) of `forward` over `examples`. */
export async function heldOutLoss(
  forward: Forward,
  examples: readonly TokenizedExample[],
  batchSize = 4,
): Promise<number> {
  let weighted = 0;
  let counted = 0;
  for (let start = 0; start < examples.length; start += batchSize) {
    const batch = padBatch(examples.slice(start, start + batchSize), { padTokenId: 50256 });
    const T = batch.sequenceLength;
    const rows = (field: 'inputIds' | 'labels') =>
      Array.from({ length: batch.batchSize }, (_, b) =>
        Array.from(batch[field].subarray(b * T, (b + 1) * T)),
      );
    const labels = rows('labels');
    const count = labels.reduce(
      (n, row) => n + row.slice(1).filter((label) => label !== -100).length,
      0,
    );
    if (count === 0) continue;
    const loss = noGrad(() =>
      tidy(() => keep(forward(rows('inputIds'), { labels, logitsFor: 'none' }).loss!)),
    );
    weighted += (await loss.item()) * count;
    counted += count;
    loss.dispose();
  }
  return weighted / counted;
}

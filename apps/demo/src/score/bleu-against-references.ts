// The one place the demo scores an output: BLEU of one generated sentence against its MR's
// references through the metrics package's E2E task scorer (the E2E official script's BLEU), on
// the 0-100 scale the paper reports.
import { scoreTask } from '@prefixkit/metrics';

/** BLEU of `output` against `references` (0-100). */
export async function bleuAgainstReferences(
  output: string,
  references: readonly string[],
): Promise<number> {
  const scores = await scoreTask(
    'e2e',
    { hypotheses: [output], references: [references] },
    { metrics: ['bleu'] },
  );
  return 100 * scores.bleu!.score;
}

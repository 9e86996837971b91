// The one place the demo scores an output: BLEU (mteval-13a, the E2E official script's BLEU) of
// one generated sentence against its MR's references, on the 0-100 scale the paper reports.
import { bleuMteval } from '@prefixkit/metrics';

/** BLEU of `output` against `references` (0-100). */
export function bleuAgainstReferences(output: string, references: readonly string[]): number {
  return 100 * bleuMteval([output], [references]).score;
}

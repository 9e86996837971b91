// The E2E NLG challenge's evaluation (tuetschek/e2e-metrics measure_scores.py) in one call:
// BLEU and NIST as mteval-v13a, ROUGE_L and CIDEr(-D) as the COCO caption code after PTB
// tokenisation, METEOR 1.5 (src/meteor) on the same PTB tokens, as the official COCO wrapper
// feeds them to the METEOR jar.

import { bleuMteval, nistMteval } from '../bleu/mteval';
import { ciderD } from '../cider/cider-d';
import { MetricInputError } from '../errors';
import { meteor } from '../meteor/meteor';
import { rougeLCoco } from '../rouge/rouge-l-coco';
import { tokenizeCocoCorpus } from '../tokenize/coco-corpus';
import type { CorpusResult } from '../types';
import { validateCorpus } from '../validate';
import type { CorpusScorer } from './external';

export interface E2EScores {
  BLEU: CorpusResult;
  NIST: CorpusResult;
  METEOR?: Pick<CorpusResult, 'score' | 'segments' | 'signature'>;
  ROUGE_L: CorpusResult;
  CIDEr: CorpusResult;
}

export interface EvaluateE2EOptions {
  /**
   * METEOR scorer; default: the package's METEOR 1.5 (`meteor`). `false` leaves METEOR out.
   * It receives the COCO-tokenised texts (lower-cased, punctuation removed), as the official
   * wrapper passes them to the METEOR jar.
   */
  meteor?: CorpusScorer | false;
  /**
   * Options passed to the METEOR scorer, e.g. `{ synonyms: loadMeteorSynonyms() }` from
   * `@prefixkit/metrics/node` (without synonyms the official values are not reproduced).
   */
  meteorOptions?: Record<string, unknown>;
}

/** Scores system outputs against grouped references as the official E2E script does. */
export async function evaluateE2E(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: EvaluateE2EOptions = {},
): Promise<E2EScores> {
  validateCorpus('E2E', hypotheses, references);
  if (hypotheses.length === 0) {
    throw new MetricInputError('E2E', 'corpus', { expected: 'at least one segment', got: '0' });
  }
  // PTB-tokenise once for the three COCO metrics (the tokeniser is the expensive part), in two
  // batch runs like the official wrapper (references, then hypotheses).
  const tokens = tokenizeCocoCorpus(hypotheses, references);
  const cocoHyps = tokens.hypotheses.map((t) => t.join(' '));
  const cocoRefs = tokens.references.map((g) => g.map((t) => t.join(' ')));
  const named = (r: CorpusResult) => ({
    ...r,
    signature: r.signature.replace('tok:none', 'tok:ptb-coco'),
  });
  const scores: E2EScores = {
    BLEU: bleuMteval(hypotheses, references),
    NIST: nistMteval(hypotheses, references),
    ROUGE_L: named(rougeLCoco(cocoHyps, cocoRefs, { pretokenized: true })),
    CIDEr: named(ciderD(cocoHyps, cocoRefs, { pretokenized: true })),
  };
  if (options.meteor !== false) {
    const scorer: CorpusScorer = options.meteor ?? defaultMeteor;
    const result = await scorer(cocoHyps, cocoRefs, options.meteorOptions);
    scores.METEOR = {
      score: result.score,
      segments: result.segments,
      signature: `${result.signature}|tok:ptb-coco`,
    };
  }
  return scores;
}

/** The package's METEOR 1.5 as a {@link CorpusScorer}. */
const defaultMeteor: CorpusScorer = (h, r, o) => meteor(h, r, o ?? {});

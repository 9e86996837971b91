// The E2E NLG challenge's evaluation (tuetschek/e2e-metrics measure_scores.py) in one call:
// BLEU and NIST as mteval-v13a, ROUGE_L and CIDEr(-D) as the COCO caption code after PTB
// tokenisation, METEOR through a supplied scorer (src/meteor) when one is given.

import { bleuMteval, nistMteval } from '../bleu/mteval';
import { ciderD } from '../cider/cider-d';
import { MetricInputError } from '../errors';
import { rougeLCoco } from '../rouge/rouge-l-coco';
import { tokenizeCoco } from '../tokenize/ptb-coco';
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
  /** METEOR 1.5 scorer (e.g. `meteor` from src/meteor); METEOR is left out without one. */
  meteor?: CorpusScorer;
  /** Options passed to the METEOR scorer. */
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
  // PTB-tokenise once for both COCO metrics (the tokeniser is the expensive part).
  const coco = (s: string) => tokenizeCoco(s).join(' ');
  const cocoHyps = hypotheses.map(coco);
  const cocoRefs = references.map((g) => g.map(coco));
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
  if (options.meteor) {
    scores.METEOR = await options.meteor(
      [...hypotheses],
      references.map((g) => [...g]),
      options.meteorOptions,
    );
  }
  return scores;
}

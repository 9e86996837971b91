// ROUGE_L as the COCO caption evaluation computes it (pycocoevalcap rouge.py), which is the E2E
// challenge's ROUGE_L: per segment, LCS precision and recall against each reference, the maximum
// precision and the maximum recall (taken separately), F with beta = 1.2; corpus score = mean.
// Texts are COCO-tokenised first; tokens are then split on single spaces as COCO does, so an empty
// text is one empty token (which only an empty reference matches).

import { tokenizeCocoCorpus } from '../tokenize/coco-corpus';
import type { PtbOptions } from '../tokenize/ptb-coco';
import type { CorpusResult } from '../types';
import { refCountLabel, validateCorpus } from '../validate';
import { lcsLength } from './lcs';

export const COCO_ROUGE_BETA = 1.2;

/** COCO `Rouge.calc_score` on already tokenised text. */
export function rougeLCocoSegment(
  candidate: readonly string[],
  refs: readonly (readonly string[])[],
  beta = COCO_ROUGE_BETA,
): number {
  // COCO splits the joined tokens on ' ': no tokens means one empty token.
  const cand = candidate.length === 0 ? [''] : candidate;
  let precMax = 0;
  let recMax = 0;
  for (const r of refs) {
    const ref = r.length === 0 ? [''] : r;
    const lcs = lcsLength(ref, cand);
    precMax = Math.max(precMax, lcs / cand.length);
    recMax = Math.max(recMax, lcs / ref.length);
  }
  if (precMax === 0 || recMax === 0) return 0;
  return ((1 + beta ** 2) * precMax * recMax) / (recMax + beta ** 2 * precMax);
}

export interface RougeLCocoOptions extends PtbOptions {
  /** Skip COCO tokenisation: texts are already space-separated tokens. */
  pretokenized?: boolean;
}

/** Corpus ROUGE_L (COCO), mean of per-segment scores. */
export function rougeLCoco(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: RougeLCocoOptions = {},
): CorpusResult {
  validateCorpus('ROUGE_L', hypotheses, references);
  const split = (s: string) => s.split(' ').filter((t) => t !== '');
  const tokens = options.pretokenized
    ? { hypotheses: hypotheses.map(split), references: references.map((g) => g.map(split)) }
    : tokenizeCocoCorpus(hypotheses, references, options);
  const segments = tokens.hypotheses.map((h, i) =>
    rougeLCocoSegment(h, tokens.references[i] as string[][]),
  );
  const score = segments.length === 0 ? 0 : segments.reduce((a, b) => a + b, 0) / segments.length;
  const tokName = options.pretokenized
    ? 'none'
    : `ptb-coco${options.americanize ? '+americanize' : ''}`;
  return {
    score,
    segments,
    signature: `ROUGE_L|impl:coco|tok:${tokName}|case:lc|beta:1.2|refs:${refCountLabel(references)}`,
  };
}

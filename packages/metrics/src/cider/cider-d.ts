// CIDEr as the COCO caption evaluation computes it (pycocoevalcap cider_scorer.py), which is the
// E2E challenge's "CIDEr" — in fact CIDEr-D: TF-IDF n-gram vectors (n = 1..4) with document
// frequencies counted over the reference sets of the evaluated corpus (a document = one
// segment's references), clipped numerator min(hyp, ref) * ref, a Gaussian length penalty
// (sigma 6), the mean over n, divided by the number of references, times 10.
// Quirk kept: the "length" in the penalty is the number of bigrams, not of words (COCO code
// counts term frequencies when n == 1, i.e. for the second order).

import { NgramIndex } from '../ngrams';
import { tokenizeCocoCorpus } from '../tokenize/coco-corpus';
import type { PtbOptions } from '../tokenize/ptb-coco';
import type { CorpusResult } from '../types';
import { refCountLabel, validateCorpus } from '../validate';
import {
  CIDER_N,
  type CiderReferences,
  ciderReferences,
  similarity,
  type TfIdf,
  tfidf,
} from './cider-vectors';

export const CIDER_SIGMA = 6;

// Many systems are scored against one reference set: keep the last reference side (n-gram ids,
// document frequencies, reference vectors). Keyed by the exact reference tokens, never stale.
let last: { key: string; refs: CiderReferences } | undefined;

function referenceSide(references: readonly (readonly string[][])[]): CiderReferences {
  const key = JSON.stringify(references);
  if (last?.key !== key) last = { key, refs: ciderReferences(references) };
  return last.refs;
}

export interface CiderOptions extends PtbOptions {
  /** Skip COCO tokenisation: texts are already space-separated tokens. */
  pretokenized?: boolean;
  /** Gaussian length penalty width; default 6. */
  sigma?: number;
}

/** Corpus CIDEr-D (COCO), document frequencies from the given references. */
export function ciderD(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: CiderOptions = {},
): CorpusResult {
  validateCorpus('CIDEr', hypotheses, references);
  const sigma = options.sigma ?? CIDER_SIGMA;
  const split = (s: string) => s.split(/\s+/).filter((t) => t !== '');
  const tokens = options.pretokenized
    ? { hypotheses: hypotheses.map(split), references: references.map((g) => g.map(split)) }
    : tokenizeCocoCorpus(hypotheses, references, options);
  const refs = referenceSide(tokens.references);
  // The system's own n-grams extend the reference index for this call only (df 0 for them).
  const index = new NgramIndex(refs.index);
  const hypIds = tokens.hypotheses.map((h) => index.ngramIds(h, CIDER_N));
  const count = new Int32Array(index.size);
  const refWeight = new Float64Array(index.size);
  const segments = hypIds.map((orders, i) => {
    const hyp: TfIdf = tfidf(orders, refs.df, refs.logDocs, count);
    const group = refs.vectors[i] as TfIdf[];
    let total = 0;
    for (const ref of group) total += similarity(hyp, ref, sigma, refWeight);
    return (total / group.length) * 10;
  });
  const score = segments.length === 0 ? 0 : segments.reduce((a, b) => a + b, 0) / segments.length;
  const tokName = options.pretokenized
    ? 'none'
    : `ptb-coco${options.americanize ? '+americanize' : ''}`;
  return {
    score,
    segments,
    signature: `CIDEr-D|impl:coco|tok:${tokName}|case:lc|df:corpus-refs|sigma:${sigma}|n:4|refs:${refCountLabel(references)}`,
  };
}

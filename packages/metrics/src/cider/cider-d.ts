// CIDEr as the COCO caption evaluation computes it (pycocoevalcap cider_scorer.py), which is the
// E2E challenge's "CIDEr" — in fact CIDEr-D: TF-IDF n-gram vectors (n = 1..4) with document
// frequencies counted over the reference sets of the evaluated corpus (a document = one
// segment's references), clipped numerator min(hyp, ref) * ref, a Gaussian length penalty
// (sigma 6), the mean over n, divided by the number of references, times 10.
// Quirk kept: the "length" in the penalty is the number of bigrams, not of words (COCO code
// counts term frequencies when n == 1, i.e. for the second order).

import { countNgrams } from '../ngrams';
import { tokenizeCocoCorpus } from '../tokenize/coco-corpus';
import type { PtbOptions } from '../tokenize/ptb-coco';
import type { CorpusResult } from '../types';
import { refCountLabel, validateCorpus } from '../validate';

const N = 4;
export const CIDER_SIGMA = 6;

interface TfIdf {
  vec: Map<string, number>[];
  norm: number[];
  length: number;
}

function tfidf(
  counts: Map<string, number>[],
  df: ReadonlyMap<string, number>,
  logDocs: number,
): TfIdf {
  const vec: Map<string, number>[] = [];
  const norm: number[] = [];
  for (let n = 0; n < N; n++) {
    const v = new Map<string, number>();
    let sq = 0;
    for (const [gram, tf] of counts[n] as Map<string, number>) {
      const w = tf * (logDocs - Math.log(Math.max(1, df.get(gram) ?? 0)));
      v.set(gram, w);
      sq += w * w;
    }
    vec.push(v);
    norm.push(Math.sqrt(sq));
  }
  let length = 0;
  for (const tf of (counts[1] as Map<string, number>).values()) length += tf;
  return { vec, norm, length };
}

function similarity(hyp: TfIdf, ref: TfIdf, sigma: number): number {
  const delta = hyp.length - ref.length;
  const penalty = Math.exp(-(delta * delta) / (2 * sigma * sigma));
  let sum = 0;
  for (let n = 0; n < N; n++) {
    let val = 0;
    const refVec = ref.vec[n] as Map<string, number>;
    for (const [gram, w] of hyp.vec[n] as Map<string, number>) {
      const r = refVec.get(gram) ?? 0;
      val += Math.min(w, r) * r;
    }
    const hn = hyp.norm[n] as number;
    const rn = ref.norm[n] as number;
    if (hn !== 0 && rn !== 0) val /= hn * rn;
    sum += val * penalty;
  }
  return sum / N;
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
  const refCounts = tokens.references.map((group) => group.map((r) => countNgrams(r, N)));
  const df = new Map<string, number>();
  for (const group of refCounts) {
    const seen = new Set<string>();
    for (const counts of group)
      for (const table of counts) for (const gram of table.keys()) seen.add(gram);
    for (const gram of seen) df.set(gram, (df.get(gram) ?? 0) + 1);
  }
  const logDocs = Math.log(references.length);
  const segments = hypotheses.map((_, i) => {
    const hyp = tfidf(countNgrams(tokens.hypotheses[i] as string[], N), df, logDocs);
    const group = refCounts[i] as Map<string, number>[][];
    let total = 0;
    for (const counts of group) total += similarity(hyp, tfidf(counts, df, logDocs), sigma);
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

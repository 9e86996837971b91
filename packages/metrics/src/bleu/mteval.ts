// BLEU and NIST exactly as NIST's mteval-v13a.pl computes them (the E2E challenge's official
// BLEU and NIST, via measure_scores.py): mteval-v13a tokenisation, corpus-level sums over
// segments, per-segment scores as the script's segment-level output (smoothed BLEU).

import { tokenizeMteval13a } from '../tokenize/mteval-13a';
import type { CorpusResult } from '../types';
import { refCountLabel, validateCorpus } from '../validate';
import {
  type MtevalReferences,
  type MtevalSegmentStats,
  mtevalBleuFromStats,
  mtevalNistFromStats,
  mtevalReferences,
  mtevalScratch,
  mtevalSegmentStats,
  sumStats,
} from './mteval-stats';

export interface MtevalOptions {
  /** mteval's `-c`: keep case. Default false (ASCII letters lower-cased). */
  preserveCase?: boolean;
  /**
   * How NIST counts reference sets when segments have different numbers of references:
   * `mean` (default, reproduces the official E2E scores) or `max` (mteval fed padded sets).
   */
  nistRefSets?: 'mean' | 'max';
}

interface Prepared {
  stats: MtevalSegmentStats[];
  total: MtevalSegmentStats;
  refSets: number;
}

function prepare(
  metric: string,
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: MtevalOptions,
): Prepared {
  validateCorpus(metric, hypotheses, references);
  const tok = (s: string) => tokenizeMteval13a(s, options);
  const refSide = referenceSide(references, options);
  // BLEU and NIST of the same system share their statistics: keep the last system's.
  const hypKey = JSON.stringify(hypotheses);
  if (lastStats?.refKey !== refSide.key || lastStats.hypKey !== hypKey) {
    const scratch = mtevalScratch(refSide.refs);
    const stats = hypotheses.map((h, i) => mtevalSegmentStats(tok(h), i, refSide.refs, scratch));
    lastStats = { refKey: refSide.key, hypKey, stats, total: sumStats(stats) };
  }
  const { stats, total } = lastStats;
  // NIST's length penalty compares the hypothesis length with the average reference length:
  // all reference words divided by the number of reference sets. With a fixed number of
  // references per segment that is stock mteval. With varying numbers, the official E2E scores
  // divide by the mean number of references per segment (checked on the five E2E systems:
  // dividing by the largest group, as padded mteval input would, does not reproduce them).
  const totalRefs = references.reduce((sum, g) => sum + g.length, 0);
  const refSets =
    options.nistRefSets === 'max'
      ? references.reduce((m, g) => Math.max(m, g.length), 0)
      : totalRefs / Math.max(references.length, 1);
  return { stats, total, refSets };
}

// BLEU and NIST of many systems share one reference set: keep the last reference side
// (n-gram ids, clipping counts, NIST information). Keyed by the exact texts and case option,
// never stale.
let lastRefs: { key: string; refs: MtevalReferences } | undefined;

let lastStats:
  | { refKey: string; hypKey: string; stats: MtevalSegmentStats[]; total: MtevalSegmentStats }
  | undefined;

function referenceSide(
  references: readonly (readonly string[])[],
  options: MtevalOptions,
): { key: string; refs: MtevalReferences } {
  const key = `${options.preserveCase ? 'c' : '-'}${JSON.stringify(references)}`;
  if (lastRefs?.key !== key) {
    const refTokens = references.map((group) => group.map((r) => tokenizeMteval13a(r, options)));
    lastRefs = { key, refs: mtevalReferences(refTokens) };
  }
  return lastRefs;
}

function signature(
  metric: string,
  references: readonly (readonly string[])[],
  options: MtevalOptions,
  extra: string,
): string {
  const cased = options.preserveCase ? 'mixed' : 'lc';
  return `${metric}|impl:mteval-v13a|tok:mteval-13a|case:${cased}|refs:${refCountLabel(references)}|${extra}`;
}

/** mteval-v13a BLEU (4-gram, closest reference length, mteval smoothing of zero counts). */
export function bleuMteval(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: MtevalOptions = {},
): CorpusResult {
  const { stats, total } = prepare('BLEU', hypotheses, references, options);
  const score = mtevalBleuFromStats(total);
  return {
    score,
    segments: stats.map(mtevalBleuFromStats),
    signature: signature('BLEU', references, options, 'n:4|smooth:mteval-13a|bp:closest'),
    details: {
      matches: total.matches.slice(0, 4),
      hypCounts: total.hypCounts.slice(0, 4),
      hypLength: total.hypCounts[0] as number,
      refLength: total.refLength,
    },
  };
}

/** mteval-v13a NIST (5-gram information-weighted, mteval length penalty). */
export function nistMteval(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: MtevalOptions = {},
): CorpusResult {
  const { stats, total, refSets } = prepare('NIST', hypotheses, references, options);
  return {
    score: mtevalNistFromStats(total, refSets),
    segments: stats.map((s) => mtevalNistFromStats(s, refSets)),
    signature: signature(
      'NIST',
      references,
      options,
      `n:5|refsets:${options.nistRefSets ?? 'mean'}`,
    ),
    details: {
      hypInfo: total.hypInfo.slice(),
      hypCounts: total.hypCounts.slice(),
      refWords: total.refCounts[0] as number,
    },
  };
}

// Sufficient statistics of NIST's mteval-v13a.pl for BLEU and NIST, per segment and summed.
//
// Reproduced details of mteval-v13a (sub score_segment, compute_ngram_info):
// - Reference n-gram counts are clipped by the maximum count in any one reference.
// - The effective reference length is the one closest to the hypothesis length, the shorter on
//   ties; a reference with no tokens is skipped (brevity_penalty_closest returns early) unless it
//   is the first reference, which seeds the choice.
// - NIST information weights come from all references of the corpus:
//   info(w1..wn) = log2(count(w1..wn-1) / count(w1..wn)), unigrams against the total word count.
//   Perl treats the prefix string "0" as false, so a bigram starting with the token "0" is
//   weighted against the total word count too; reproduced.
import { countNgrams } from '../ngrams';

export const BLEU_MAX_N = 4;
export const NIST_MAX_N = 5;

export interface MtevalSegmentStats {
  /** Effective reference length for the brevity penalty. */
  refLength: number;
  /** Index n-1: clipped matching n-grams of order n. */
  matches: number[];
  /** Index n-1: hypothesis n-grams of order n. */
  hypCounts: number[];
  /** Index n-1: reference n-grams of order n, summed over this segment's references. */
  refCounts: number[];
  /** Index n-1: NIST information of the matched n-grams of order n. */
  hypInfo: number[];
}

/** Information weight of every reference n-gram (orders 1..NIST_MAX_N) over the whole corpus. */
export function nistInformation(
  referenceTokens: readonly (readonly string[][])[],
): Map<string, number> {
  // Each n-gram is counted with its (n-1)-gram prefix remembered at creation, so the weights
  // below need no string slicing. Keys grow one token at a time from each start position.
  const counts = new Map<string, { count: number; prefix: string }>();
  let totalWords = 0;
  for (const group of referenceTokens) {
    for (const tokens of group) {
      totalWords += tokens.length;
      for (let i = 0; i < tokens.length; i++) {
        let key = '';
        const last = Math.min(NIST_MAX_N, tokens.length - i);
        for (let n = 1; n <= last; n++) {
          const prefix = key;
          key = n === 1 ? (tokens[i] as string) : `${key} ${tokens[i + n - 1] as string}`;
          const entry = counts.get(key);
          if (entry === undefined) counts.set(key, { count: 1, prefix });
          else entry.count++;
        }
      }
    }
  }
  const info = new Map<string, number>();
  for (const [gram, { count, prefix }] of counts) {
    // Perl: `$mgram ? count/count{$mgram} : count/$tot_wrds`; "" and "0" are both false.
    const denominator =
      prefix === '' || prefix === '0'
        ? totalWords
        : (counts.get(prefix) as { count: number }).count;
    info.set(gram, -Math.log(count / denominator) / Math.LN2);
  }
  return info;
}

/** Statistics of one hypothesis against its references (all already tokenised). */
export function mtevalSegmentStats(
  hyp: readonly string[],
  refs: readonly (readonly string[])[],
  info: ReadonlyMap<string, number>,
): MtevalSegmentStats {
  const maxN = NIST_MAX_N;
  const refMax = new Map<string, number>();
  const refCounts = new Array<number>(maxN).fill(0);
  let refLength: number | undefined;
  for (const ref of refs) {
    for (const table of countNgrams(ref, maxN)) {
      for (const [gram, c] of table) {
        const seen = refMax.get(gram);
        if (seen === undefined || c > seen) refMax.set(gram, c);
      }
    }
    for (let n = 1; n <= maxN; n++)
      refCounts[n - 1] = (refCounts[n - 1] as number) + Math.max(0, ref.length - n + 1);
    refLength = closestLength(refLength, ref.length, hyp.length);
  }
  const matches = new Array<number>(maxN).fill(0);
  const hypInfo = new Array<number>(maxN).fill(0);
  const hypCounts = new Array<number>(maxN).fill(0);
  const hypTables = countNgrams(hyp, maxN);
  for (let n = 1; n <= maxN; n++) {
    hypCounts[n - 1] = Math.max(0, hyp.length - n + 1);
    for (const [gram, c] of hypTables[n - 1] as Map<string, number>) {
      const r = refMax.get(gram);
      if (r === undefined) continue;
      const clipped = Math.min(c, r);
      matches[n - 1] = (matches[n - 1] as number) + clipped;
      hypInfo[n - 1] = (hypInfo[n - 1] as number) + (info.get(gram) ?? 0) * clipped;
    }
  }
  return { refLength: refLength ?? 0, matches, hypCounts, refCounts, hypInfo };
}

// mteval-v13a brevity_penalty_closest, with the first reference seeding the choice.
function closestLength(current: number | undefined, refLen: number, hypLen: number): number {
  if (current === undefined) return refLen;
  if (refLen === 0) return current;
  const dRef = Math.abs(hypLen - refLen);
  const dCur = Math.abs(hypLen - current);
  if (dRef < dCur) return refLen;
  if (dRef === dCur && current > refLen) return refLen;
  return current;
}

/** Sums segment statistics (mteval's document and system totals). */
export function sumStats(stats: readonly MtevalSegmentStats[]): MtevalSegmentStats {
  const total: MtevalSegmentStats = {
    refLength: 0,
    matches: new Array<number>(NIST_MAX_N).fill(0),
    hypCounts: new Array<number>(NIST_MAX_N).fill(0),
    refCounts: new Array<number>(NIST_MAX_N).fill(0),
    hypInfo: new Array<number>(NIST_MAX_N).fill(0),
  };
  for (const s of stats) {
    total.refLength += s.refLength;
    for (let i = 0; i < NIST_MAX_N; i++) {
      total.matches[i] = (total.matches[i] as number) + (s.matches[i] as number);
      total.hypCounts[i] = (total.hypCounts[i] as number) + (s.hypCounts[i] as number);
      total.refCounts[i] = (total.refCounts[i] as number) + (s.refCounts[i] as number);
      total.hypInfo[i] = (total.hypInfo[i] as number) + (s.hypInfo[i] as number);
    }
  }
  return total;
}

/** mteval-v13a `bleu_score`: 4-gram BLEU with its smoothing of zero-match orders. */
export function mtevalBleuFromStats(s: MtevalSegmentStats): number {
  const hypUnigrams = s.hypCounts[0] as number;
  const lengthScore = hypUnigrams > 0 ? Math.exp(Math.min(0, 1 - s.refLength / hypUnigrams)) : 0;
  let logSum = 0;
  let smooth = 1;
  for (let n = 1; n <= BLEU_MAX_N; n++) {
    const total = s.hypCounts[n - 1] as number;
    const match = s.matches[n - 1] as number;
    if (total === 0) continue;
    if (match === 0) {
      smooth *= 2;
      logSum += Math.log(1 / (smooth * total));
    } else {
      logSum += Math.log(match / total);
    }
  }
  return Math.exp(logSum / BLEU_MAX_N) * lengthScore;
}

const NIST_BETA = -Math.log(0.5) / Math.log(1.5) / Math.log(1.5);

/** mteval-v13a `nist_length_penalty`. */
export function nistLengthPenalty(ratio: number): number {
  if (ratio >= 1) return 1;
  if (ratio <= 0) return 0;
  return Math.exp(-NIST_BETA * Math.log(ratio) * Math.log(ratio));
}

/** mteval-v13a `nist_score` (5-gram, cumulative), `refSets` = number of reference sets. */
export function mtevalNistFromStats(s: MtevalSegmentStats, refSets: number): number {
  let score = 0;
  for (let n = 1; n <= NIST_MAX_N; n++) {
    score += (s.hypInfo[n - 1] as number) / Math.max(s.hypCounts[n - 1] as number, 1);
  }
  // Perl would die dividing by zero reference words; nothing can match then, so the score is 0.
  if (score === 0) return 0;
  const ratio = (s.hypCounts[0] as number) / ((s.refCounts[0] as number) / refSets);
  return score * nistLengthPenalty(ratio);
}

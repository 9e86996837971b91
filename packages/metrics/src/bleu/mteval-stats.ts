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
import { NgramIndex } from '../ngrams';

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

/**
 * The reference side of a corpus, prepared once and shared by every system scored against it:
 * n-gram ids (see NgramIndex), each segment's clipping counts and NIST's information weights.
 */
export interface MtevalReferences {
  index: NgramIndex;
  /** Token count of each reference, grouped per segment. */
  lengths: number[][];
  /** Per segment: the distinct reference n-grams (orders 1..NIST_MAX_N)... */
  clipIds: number[][];
  /** ...and each one's largest count in any one reference of the segment (mteval's clipping). */
  clipCounts: number[][];
  /** NIST information of every reference n-gram, by id. */
  info: Float64Array;
}

/** Prepares the reference side from mteval-tokenised references. */
export function mtevalReferences(
  referenceTokens: readonly (readonly string[][])[],
): MtevalReferences {
  const index = new NgramIndex();
  const grams = referenceTokens.map((group) =>
    group.map((tokens) => index.ngramIds(tokens, NIST_MAX_N)),
  );
  const current = new Int32Array(index.size); // count in the reference at hand
  const best = new Int32Array(index.size); // largest count in one reference so far
  const clipIds: number[][] = [];
  const clipCounts: number[][] = [];
  for (const group of grams) {
    const distinct: number[] = [];
    for (const orders of group) {
      for (const ids of orders) for (const id of ids) current[id] = (current[id] as number) + 1;
      for (const ids of orders) {
        for (const id of ids) {
          const c = current[id] as number;
          if (c === 0) continue; // already folded in (repeated n-gram)
          if (best[id] === 0) distinct.push(id);
          if (c > (best[id] as number)) best[id] = c;
          current[id] = 0;
        }
      }
    }
    clipIds.push(distinct);
    clipCounts.push(distinct.map((id) => best[id] as number));
    for (const id of distinct) best[id] = 0;
  }
  return {
    index,
    lengths: referenceTokens.map((group) => group.map((tokens) => tokens.length)),
    clipIds,
    clipCounts,
    info: nistInformation(index, grams),
  };
}

// Information weight of every reference n-gram (orders 1..NIST_MAX_N) over the whole corpus.
function nistInformation(index: NgramIndex, grams: readonly number[][][][]): Float64Array {
  const counts = new Int32Array(index.size);
  let totalWords = 0;
  for (const group of grams) {
    for (const orders of group) {
      totalWords += (orders[0] as number[]).length;
      for (const ids of orders) for (const id of ids) counts[id] = (counts[id] as number) + 1;
    }
  }
  // Perl: `$mgram ? count/count{$mgram} : count/$tot_wrds`; the prefix "" (unigrams) and the
  // prefix "0" (bigrams after the token 0) are both false.
  const zeroToken = index.lookupToken('0');
  const zeroGram = zeroToken < 0 ? -1 : index.lookupGram(-1, zeroToken);
  const info = new Float64Array(index.size);
  for (let id = 0; id < index.size; id++) {
    const prefix = index.prefixOf(id);
    const denominator = prefix < 0 || prefix === zeroGram ? totalWords : counts[prefix];
    info[id] = -Math.log((counts[id] as number) / (denominator as number)) / Math.LN2;
  }
  return info;
}

/** Scratch space for {@link mtevalSegmentStats}, one per reference side (all zero between calls). */
export interface MtevalScratch {
  clip: Int32Array;
  hypCount: Int32Array;
}

/** Zeroed scratch arrays sized for `refs`. */
export function mtevalScratch(refs: MtevalReferences): MtevalScratch {
  return { clip: new Int32Array(refs.index.size), hypCount: new Int32Array(refs.index.size) };
}

/** Statistics of one tokenised hypothesis against the references of segment `segment`. */
export function mtevalSegmentStats(
  hyp: readonly string[],
  segment: number,
  refs: MtevalReferences,
  scratch: MtevalScratch,
): MtevalSegmentStats {
  const maxN = NIST_MAX_N;
  const { clip, hypCount } = scratch;
  const clipIds = refs.clipIds[segment] as number[];
  const clipCounts = refs.clipCounts[segment] as number[];
  for (let k = 0; k < clipIds.length; k++) clip[clipIds[k] as number] = clipCounts[k] as number;
  const refCounts = new Array<number>(maxN).fill(0);
  let refLength: number | undefined;
  for (const length of refs.lengths[segment] as number[]) {
    for (let n = 1; n <= maxN; n++)
      refCounts[n - 1] = (refCounts[n - 1] as number) + Math.max(0, length - n + 1);
    refLength = closestLength(refLength, length, hyp.length);
  }
  const matches = new Array<number>(maxN).fill(0);
  const hypInfo = new Array<number>(maxN).fill(0);
  const hypCounts = new Array<number>(maxN).fill(0);
  // N-grams absent from the reference side (id -1) cannot match and are skipped.
  const hypIds = refs.index.knownNgramIds(hyp, maxN);
  for (let n = 1; n <= maxN; n++) {
    hypCounts[n - 1] = Math.max(0, hyp.length - n + 1);
    // Distinct n-grams in order of first occurrence, so the information sum below adds its
    // terms in the same order as counting with string keys did (floating point is not associative).
    const distinct: number[] = [];
    for (const id of hypIds[n - 1] as number[]) {
      if (id < 0) continue;
      if (hypCount[id] === 0) distinct.push(id);
      hypCount[id] = (hypCount[id] as number) + 1;
    }
    for (const id of distinct) {
      const r = clip[id] as number;
      if (r > 0) {
        const clipped = Math.min(hypCount[id] as number, r);
        matches[n - 1] = (matches[n - 1] as number) + clipped;
        hypInfo[n - 1] = (hypInfo[n - 1] as number) + (refs.info[id] as number) * clipped;
      }
      hypCount[id] = 0;
    }
  }
  for (const id of clipIds) clip[id] = 0;
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

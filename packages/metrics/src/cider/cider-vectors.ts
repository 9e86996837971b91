// The TF-IDF n-gram vectors of COCO's cider_scorer.py (counts2vec, sim) over integer n-gram ids
// (NgramIndex) instead of string-keyed dicts. Every sum adds its terms in the order the Python
// code (and this package's earlier string-keyed version) does: n-grams of one order in order of
// first occurrence. Floating-point addition is not associative, so that order is what keeps the
// scores identical to the last bit.
import { NgramIndex } from '../ngrams';

/** CIDEr's n-gram orders 1..N. */
export const CIDER_N = 4;

/** One text's TF-IDF vector, all orders in one pair of arrays. */
export interface TfIdf {
  /** Distinct n-gram ids: order 1 first, each order in order of first occurrence. */
  ids: number[];
  /** TF-IDF weight of each entry of `ids`. */
  weights: number[];
  /** Entries of order n are at [starts[n - 1], starts[n]). */
  starts: number[];
  /** Euclidean norm of each order's vector. */
  norms: number[];
  /** COCO's "length": the number of bigrams (cider_scorer counts term frequencies at n == 1). */
  length: number;
}

/** The reference side of a corpus, shared by every system scored against it. */
export interface CiderReferences {
  index: NgramIndex;
  /** Number of segments whose references contain each n-gram, by id. */
  df: Int32Array;
  /** log(number of segments), COCO's ref_len. */
  logDocs: number;
  /** TF-IDF vector of each reference, grouped per segment. */
  vectors: TfIdf[][];
}

/** Builds the reference side from tokenised references (document frequency over segments). */
export function ciderReferences(references: readonly (readonly string[][])[]): CiderReferences {
  const index = new NgramIndex();
  const grams = references.map((group) => group.map((tokens) => index.ngramIds(tokens, CIDER_N)));
  const df = new Int32Array(index.size);
  const seenIn = new Int32Array(index.size).fill(-1); // last segment that counted the n-gram
  grams.forEach((group, segment) => {
    for (const orders of group) {
      for (const ids of orders) {
        for (const id of ids) {
          if (seenIn[id] === segment) continue;
          seenIn[id] = segment;
          df[id] = (df[id] as number) + 1;
        }
      }
    }
  });
  const logDocs = Math.log(references.length);
  const count = new Int32Array(index.size);
  const vectors = grams.map((group) => group.map((orders) => tfidf(orders, df, logDocs, count)));
  return { index, df, logDocs, vectors };
}

/**
 * TF-IDF vector of a text from its n-gram ids (`orders[n - 1]`, in start order). `count` is
 * zeroed scratch space indexed by id (returned zeroed); ids beyond `df` have document frequency 0.
 */
export function tfidf(
  orders: readonly number[][],
  df: Int32Array,
  logDocs: number,
  count: Int32Array,
): TfIdf {
  const ids: number[] = [];
  const weights: number[] = [];
  const starts: number[] = [];
  const norms: number[] = [];
  for (let n = 0; n < CIDER_N; n++) {
    starts.push(ids.length);
    const begin = ids.length;
    for (const id of orders[n] as number[]) {
      if (count[id] === 0) ids.push(id);
      count[id] = (count[id] as number) + 1;
    }
    let sq = 0;
    for (let k = begin; k < ids.length; k++) {
      const id = ids[k] as number;
      const frequency = id < df.length ? (df[id] as number) : 0;
      const w = (count[id] as number) * (logDocs - Math.log(Math.max(1, frequency)));
      weights.push(w);
      sq += w * w;
      count[id] = 0;
    }
    norms.push(Math.sqrt(sq));
  }
  starts.push(ids.length);
  return { ids, weights, starts, norms, length: (orders[1] as number[]).length };
}

/**
 * COCO `sim`: per order, the clipped dot product min(hyp, ref) * ref over the hypothesis
 * n-grams divided by both norms, times the Gaussian length penalty; the mean over orders.
 * `refWeight` is zeroed scratch space indexed by id (returned zeroed).
 */
export function similarity(hyp: TfIdf, ref: TfIdf, sigma: number, refWeight: Float64Array): number {
  for (let k = 0; k < ref.ids.length; k++)
    refWeight[ref.ids[k] as number] = ref.weights[k] as number;
  const delta = hyp.length - ref.length;
  const penalty = Math.exp(-(delta * delta) / (2 * sigma * sigma));
  let sum = 0;
  for (let n = 0; n < CIDER_N; n++) {
    let val = 0;
    for (let k = hyp.starts[n] as number; k < (hyp.starts[n + 1] as number); k++) {
      const r = refWeight[hyp.ids[k] as number] as number; // 0 when the reference lacks it
      val += Math.min(hyp.weights[k] as number, r) * r;
    }
    const hn = hyp.norms[n] as number;
    const rn = ref.norms[n] as number;
    if (hn !== 0 && rn !== 0) val /= hn * rn;
    sum += val * penalty;
  }
  for (const id of ref.ids) refWeight[id] = 0;
  return sum / CIDER_N;
}

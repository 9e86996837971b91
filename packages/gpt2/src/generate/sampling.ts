// Sampling one token (HF's warpers in their order: temperature, top-k, top-p; then softmax and
// a multinomial draw) from a seeded generator, so a seed reproduces a run exactly.
import type { ResolvedGenerateOptions } from './generate-options';

/**
 * A seeded uniform generator in [0, 1): splitmix32-style state increments with an integer hash
 * (fast, 2^32 period; plenty for drawing tokens).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 4294967296;
  };
}

/** Temperature, then top-k and top-p filtering (to -Infinity) of scores, in place. */
export function warpScores(
  scores: Float64Array,
  options: Pick<ResolvedGenerateOptions, 'temperature' | 'topK' | 'topP'>,
): void {
  if (options.temperature !== 1)
    for (let index = 0; index < scores.length; index++) scores[index]! /= options.temperature;
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
  if (options.topK > 0 && options.topK < scores.length) {
    // HF removes scores strictly below the k-th largest, so ties with it stay.
    const kth = scores[order[options.topK - 1]!]!;
    for (let index = 0; index < scores.length; index++)
      if (scores[index]! < kth) scores[index] = -Infinity;
  }
  if (options.topP < 1) {
    const probabilities = softmax(scores);
    // Keep the most likely tokens until their mass reaches topP (the one crossing it included).
    let mass = 0;
    let kept = 0;
    for (const index of order) {
      if (kept > 0 && mass >= options.topP) scores[index] = -Infinity;
      else kept++;
      mass += probabilities[index]!;
    }
  }
}

function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const value of scores) max = Math.max(max, value);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let index = 0; index < scores.length; index++) {
    out[index] = Math.exp(scores[index]! - max);
    sum += out[index]!;
  }
  for (let index = 0; index < out.length; index++) out[index]! /= sum;
  return out;
}

/** Draws a token from (processed) logits after warping them. */
export function sampleToken(
  logits: ArrayLike<number>,
  options: ResolvedGenerateOptions,
  random: () => number,
): number {
  const scores = Float64Array.from(logits);
  warpScores(scores, options);
  const probabilities = softmax(scores);
  let u = random();
  let last = 0;
  for (let index = 0; index < probabilities.length; index++) {
    const p = probabilities[index]!;
    if (p === 0) continue;
    last = index;
    if (u < p) return index;
    u -= p;
  }
  return last; // rounding left u just above the total: the last possible token
}

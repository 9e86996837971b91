// Host-side logits processors, as HF's (transformers <= 4.35) set a score to -inf: banned ids
// (NoBadWordsLogitsProcessor with single-token words), min length / min new tokens
// (MinLength*, which ban eos) and no-repeat n-grams (NoRepeatNGramLogitsProcessor). Greedy and
// sampling apply them to the logits, beam search to the log-probabilities (HF's order).
import type { ResolvedGenerateOptions } from './generate-options';

/** What the processors need to know about one row (or beam). */
export interface RowContext {
  /** Prompt (without padding) and the tokens generated so far. */
  readonly tokens: readonly number[];
  /** How many of `tokens` were generated. */
  readonly generated: number;
}

/** Tokens that would repeat an n-gram of `tokens` (size n) if generated next. */
export function noRepeatNgramBans(tokens: readonly number[], n: number): number[] {
  const length = tokens.length;
  if (n <= 0 || length + 1 < n) return [];
  const banned: number[] = [];
  // The n-1 most recent tokens; every earlier occurrence of them bans the token that followed.
  const start = length - (n - 1);
  for (let from = 0; from + n <= length; from++) {
    let same = true;
    for (let k = 0; k < n - 1 && same; k++) same = tokens[from + k] === tokens[start + k];
    if (same) banned.push(tokens[from + n - 1]!);
  }
  return banned;
}

/**
 * The tokens this row may not take next apart from no-repeat n-grams: the banned ids, and eos
 * while the row is under its minimum length. Decoding on the device passes these as exclusions.
 */
export function fixedBans(row: RowContext, options: ResolvedGenerateOptions): readonly number[] {
  return fixedBansAt(row.tokens.length, row.generated, options);
}

/**
 * fixedBans of a row holding `length` tokens, `generated` of them generated: they depend on the
 * counts only, so decoding can compute a step's bans before reading the tokens back.
 */
export function fixedBansAt(
  length: number,
  generated: number,
  options: ResolvedGenerateOptions,
): readonly number[] {
  const short = length < options.minLength || generated < options.minNewTokens;
  return short ? [...options.bannedTokenIds, ...options.eosTokenIds] : options.bannedTokenIds;
}

/** Sets the scores of every token the options forbid for this row to -Infinity, in place. */
export function applyLogitsProcessors(
  scores: Float32Array | Float64Array,
  row: RowContext,
  options: ResolvedGenerateOptions,
): void {
  for (const id of noRepeatNgramBans(row.tokens, options.noRepeatNgramSize)) scores[id] = -Infinity;
  for (const id of fixedBans(row, options)) scores[id] = -Infinity;
}

/** Index of the largest score, the first on ties (torch.argmax on CPU). */
export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let index = 1; index < scores.length; index++)
    if (scores[index]! > scores[best]!) best = index;
  return best;
}

/**
 * log_softmax in float32 as torch computes it: (x - max) - log(sum(exp(x - max))), each
 * result rounded to float32 (the sum is accumulated in double).
 */
export function logSoftmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let index = 0; index < logits.length; index++) max = Math.max(max, logits[index]!);
  let sum = 0;
  for (let index = 0; index < logits.length; index++)
    sum += Math.exp(Math.fround(logits[index]! - max));
  const logSum = Math.fround(Math.log(sum));
  const out = new Float32Array(logits.length);
  for (let index = 0; index < logits.length; index++)
    out[index] = Math.fround(logits[index]! - max) - logSum;
  return out;
}

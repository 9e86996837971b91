// One row's next token from its next-token logits: the logits processors (banned ids, min
// length, no-repeat n-grams), then the argmax or, with doSample, a sample. Greedy search and
// callers that schedule rows themselves (continuous batching) choose tokens through it alike.
import type { ResolvedGenerateOptions } from './generate-options';
import { applyLogitsProcessors, argmax, type RowContext } from './logits-processors';
import { sampleToken } from './sampling';

/**
 * Whether these options pick tokens from host logits (sampling, no-repeat n-grams) rather than
 * by an argmax that skips fixedBans, which the device does (argmaxRows).
 */
export function needsHostLogits(options: ResolvedGenerateOptions): boolean {
  return options.doSample || options.noRepeatNgramSize > 0;
}

/** The token the options pick for a row with these logits [V] (not modified). */
export function nextToken(
  logits: ArrayLike<number>,
  row: RowContext,
  options: ResolvedGenerateOptions,
  random: () => number,
): number {
  const scores = Float32Array.from(logits);
  applyLogitsProcessors(scores, row, options);
  return options.doSample ? sampleToken(scores, options, random) : argmax(scores);
}

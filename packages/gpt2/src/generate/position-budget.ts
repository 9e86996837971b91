// The up-front check that a decoding fits the model's positions (n_positions, the rows of wpe).
// Without it a prompt too long for the model fails only at the step whose position runs past the
// table, after the prompt and every earlier step have run; here it fails before any work, with
// the numbers that decide it. The last position fed to the model is
//   offset + prompt length + maxNewTokens - 2
// (the last generated token is never fed back), where offset is what precedes the real tokens:
// the prefix's P past positions (unless positionsFromZero), the E soft-prompt rows, or the
// infix's P slots.
import type { Gpt2Config } from '../config/gpt2-config';
import { GenerateOptionsError } from './generate-errors';
import type { GenerateOptions } from './generate-options';

/** Positions that come before each prompt's tokens. */
function positionOffset(options: GenerateOptions): { offset: number; what: string } {
  if (options.infix) {
    const P = options.infix.keyValues[0]?.key.shape[2] ?? 0;
    return { offset: P, what: `an infix of ${P}` };
  }
  const soft = options.inputEmbeddingsPrefix;
  const E = soft ? soft.shape[soft.rank - 2]! : 0;
  const P = options.positionsFromZero ? 0 : (options.past?.[0]?.key.shape[2] ?? 0);
  const parts = [P > 0 ? `a prefix of ${P}` : '', E > 0 ? `a soft prompt of ${E}` : ''];
  return { offset: P + E, what: parts.filter((part) => part !== '').join(' and ') };
}

/** How many new tokens fit after the prompts (PositionRoom.room), and what decides it. */
export interface PositionRoom {
  /** The most new tokens the longest prompt can take (< 1: the prompt itself does not fit). */
  readonly room: number;
  /** The longest prompt's row and length. */
  readonly row: number;
  readonly longest: number;
  /** What precedes the tokens, in words ('' when nothing), e.g. `a prefix of 10`. */
  readonly before: string;
}

/** The room the model's positions leave for new tokens after these prompts and options. */
export function positionRoom(
  prompts: readonly (readonly number[])[],
  options: GenerateOptions,
  config: Gpt2Config,
): PositionRoom {
  let longest = 0;
  let row = 0;
  prompts.forEach((prompt, index) => {
    if (prompt.length > longest) [longest, row] = [prompt.length, index];
  });
  const { offset, what } = positionOffset(options);
  // Positions 0 .. n_positions - 1 exist; the last one used is offset + longest + maxNewTokens - 2.
  return { room: config.n_positions + 1 - offset - longest, row, longest, before: what };
}

/**
 * Throws GenerateOptionsError (option maxNewTokens) unless the longest prompt, what precedes it
 * and maxNewTokens new tokens fit in config.n_positions.
 */
export function checkPositionBudget(
  prompts: readonly (readonly number[])[],
  maxNewTokens: number,
  options: GenerateOptions,
  config: Gpt2Config,
): void {
  const { room, row, longest, before: what } = positionRoom(prompts, options, config);
  if (maxNewTokens <= room) return;
  const before = what ? ` after ${what} positions` : '';
  throw new GenerateOptionsError(
    'maxNewTokens',
    room >= 1
      ? `at most ${room}: prompt row ${row} has ${longest} tokens${before}, and the model has n_positions ${config.n_positions}`
      : `a prompt that fits the model: prompt row ${row} has ${longest} tokens${before}, and the model has n_positions ${config.n_positions}`,
    String(maxNewTokens),
  );
}

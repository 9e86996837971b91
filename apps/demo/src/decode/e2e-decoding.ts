// How the demo decodes E2E, shared by the page's worker and the Node tests so both run the exact
// same options: the CLI's E2E settings (newlines 198 and 628 banned, eos banned for the first 5
// new tokens), with the beam count and length the visitor picks.
import type { PeftGenerateOptions } from '@prefixkit/peft';

export interface DecodingSettings {
  /** 1 = greedy (tokens stream in); more = beam search (the paper uses 5). */
  readonly numBeams: number;
  readonly maxNewTokens: number;
}

/** GPT-2's "\n" and "\n\n": an E2E output is one line. */
export const e2eBannedTokenIds: readonly number[] = [198, 628];

export const e2eMinNewTokens = 5;

/**
 * min_new_tokens for a decode of at most `maxNewTokens`: eos is held back for the first 5, or for
 * all of them when fewer are asked for (generate() refuses a minimum above the maximum).
 */
export function e2eMinNewTokensFor(maxNewTokens: number): number {
  return Math.min(e2eMinNewTokens, maxNewTokens);
}

/** generate() options for one E2E decode. */
export function e2eDecoding(settings: DecodingSettings): PeftGenerateOptions {
  return {
    numBeams: settings.numBeams,
    maxNewTokens: settings.maxNewTokens,
    minNewTokens: e2eMinNewTokensFor(settings.maxNewTokens),
    bannedTokenIds: e2eBannedTokenIds,
  };
}

/** Greedy decoding that reports each row's tokens after every step (generate()'s onStep). */
export function streamingDecoding(
  settings: DecodingSettings,
  onTokens: (tokens: readonly number[]) => void,
): PeftGenerateOptions {
  return {
    ...e2eDecoding({ ...settings, numBeams: 1 }),
    onStep: (generated) => onTokens(generated[0]!),
  };
}

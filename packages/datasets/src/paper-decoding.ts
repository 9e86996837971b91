// How the paper decodes a table-to-text output, beyond the beam count and the length (its
// gpt2/gen.py, with min_new_tokens for min_length: docs/decisions/2026-11-26-min-new-tokens.md):
// GPT-2's newline tokens are never generated (an output is one line), and the end of text is held
// back for the first 5 new tokens (a well-trained prefix otherwise ends some beams at once). One
// definition for every caller that decodes E2E, WebNLG or DART this way (the quickstart, the
// demo, the experiment scripts, the CLI's generate defaults).

/** GPT-2's "\n" (198) and "\n\n" (628). */
export const paperBannedTokenIds: readonly number[] = [198, 628];

/** New tokens during which the end of text is held back. */
const paperMinNewTokens = 5;

/**
 * min_new_tokens for a decode of at most `maxNewTokens` new tokens: paperMinNewTokens, or all of
 * them when fewer are asked for (generate() refuses a minimum above the maximum).
 */
export function paperMinNewTokensFor(maxNewTokens: number): number {
  return Math.min(paperMinNewTokens, maxNewTokens);
}

/** The paper's decoding options for at most `maxNewTokens` new tokens (generate() options). */
export function paperDecoding(maxNewTokens: number): {
  readonly bannedTokenIds: readonly number[];
  readonly minNewTokens: number;
} {
  return { bannedTokenIds: paperBannedTokenIds, minNewTokens: paperMinNewTokensFor(maxNewTokens) };
}

// COCO tokenisation of a whole evaluation corpus, as pycocoevalcap's COCOEvalCap runs it: one
// PTBTokenizer (jar) run over all references in segment order, and one over all hypotheses.
// Lexing each batch as one stream matters: the start of the next caption is trailing context
// for the end of the previous one (see tokenizeCocoLines).
import { type PtbOptions, tokenizeCocoLines } from './ptb-coco';

export interface CocoTokenizedCorpus {
  /** Tokens of each hypothesis. */
  hypotheses: string[][];
  /** Tokens of each reference, grouped per segment. */
  references: string[][][];
}

/** COCO tokens of hypotheses and grouped references (two batch runs, like the official code). */
export function tokenizeCocoCorpus(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: PtbOptions = {},
): CocoTokenizedCorpus {
  const flat = cachedLines(references.flat(), options);
  let k = 0;
  const refs = references.map((group) => group.map(() => flat[k++] as string[]));
  return { hypotheses: tokenizeCocoLines(hypotheses, options), references: refs };
}

// The same references are usually scored against many systems: keep the last reference batch.
// The key is the exact joined text plus the options, so a changed input is never served stale.
let last: { key: string; tokens: string[][] } | undefined;

function cachedLines(lines: readonly string[], options: PtbOptions): string[][] {
  const key = `${options.americanize ? 'a' : '-'}${JSON.stringify(lines)}`;
  if (last?.key !== key) last = { key, tokens: tokenizeCocoLines(lines, options) };
  return last.tokens.map((t) => [...t]);
}

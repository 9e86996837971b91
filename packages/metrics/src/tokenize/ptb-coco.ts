// Tokenisation of the COCO caption evaluation (pycocoevalcap PTBTokenizer), which the E2E
// challenge uses before METEOR, ROUGE_L and CIDEr: Stanford PTBTokenizer (CoreNLP 3.4.1) with
// `-preserveLines -lowerCase`, then the tokens in COCO's punctuation list are dropped.
// Brackets survive as `-lrb-`/`-rrb-` (the list has them upper-case), `£` becomes `#`.

import { lexPtb, type PtbLexerMode, type PtbOptions } from './ptb-lexer';

export type { PtbOptions } from './ptb-lexer';

/** pycocoevalcap's PUNCTUATIONS list (compared after lower-casing, as COCO does). */
export const COCO_PUNCTUATIONS: ReadonlySet<string> = new Set([
  "''",
  "'",
  '``',
  '`',
  '-LRB-',
  '-RRB-',
  '-LCB-',
  '-RCB-',
  '.',
  '?',
  '!',
  ',',
  ':',
  '-',
  '--',
  '...',
  ';',
]);

// Line separators of PTBLexer's NEWLINE class. Inside one caption they are blanked (COCO
// replaces "\n" by a space; the others would make the jar emit extra lines).
// biome-ignore lint/suspicious/noControlCharactersInRegex: PTBLexer's NEWLINE includes VT and FF
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u000B\u000C\u0085]/g;

/** Stanford PTB tokens of one line (no lower-casing, nothing dropped). */
export function tokenizePtb(text: string, options: PtbOptions = {}): string[] {
  const tokens: string[] = [];
  lexPtb(
    text,
    options,
    (t) => tokens.push(t),
    () => {},
  );
  return tokens;
}

/**
 * PTB tokens of many lines lexed as one stream, as the COCO wrapper runs the jar: the lines are
 * joined by "\n" into one file and tokenised with `-preserveLines`, so the start of the next line
 * is the trailing context of the end of this one (it decides e.g. whether "no." before a
 * capitalised next line is a sentence end). `mode` `'plain'` runs the lexer without its
 * shortcuts (same tokens, slower; tests compare the two).
 */
export function tokenizePtbLines(
  lines: readonly string[],
  options: PtbOptions = {},
  mode: PtbLexerMode = 'fast',
): string[][] {
  const out: string[][] = [[]];
  const text = lines.map((l) => l.replace(LINE_BREAKS, ' ')).join('\n');
  lexPtb(
    text,
    options,
    (t) => (out[out.length - 1] as string[]).push(t),
    () => out.push([]),
    mode,
  );
  return lines.length === 0 ? [] : out;
}

function cocoFilter(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (!COCO_PUNCTUATIONS.has(lower)) out.push(lower);
  }
  return out;
}

/** COCO caption tokens of one text: PTB tokens, lower-cased, punctuation tokens removed. */
export function tokenizeCoco(text: string, options: PtbOptions = {}): string[] {
  return cocoFilter(tokenizePtb(text.replace(LINE_BREAKS, ' '), options));
}

/**
 * COCO caption tokens of a whole batch, exactly as pycocoevalcap's PTBTokenizer produces them:
 * one jar run over all lines (references and hypotheses are two separate runs), so each line's
 * end sees the next line. Use this to reproduce official corpus scores.
 */
export function tokenizeCocoLines(lines: readonly string[], options: PtbOptions = {}): string[][] {
  return tokenizePtbLines(lines, options).map(cocoFilter);
}

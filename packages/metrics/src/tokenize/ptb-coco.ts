// Tokenisation of the COCO caption evaluation (pycocoevalcap PTBTokenizer), which the E2E
// challenge uses before METEOR, ROUGE_L and CIDEr: Stanford PTBTokenizer (CoreNLP 3.4.1) with
// `-preserveLines -lowerCase`, then the tokens in COCO's punctuation list are dropped.
// Brackets survive as `-lrb-`/`-rrb-` (the list has them upper-case), `£` becomes `#`.

import { americanize } from './americanize';
import { PTB_RULES, PTB_WORD_RULES } from './ptb-rules';

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

export interface PtbOptions {
  /** Rewrite British spellings (PTBLexer `americanize`). Default false. */
  americanize?: boolean;
}

// Line separators of PTBLexer's NEWLINE class. Inside one caption they are blanked (COCO
// replaces "\n" by a space; the others would make the jar emit extra lines).
// biome-ignore lint/suspicious/noControlCharactersInRegex: PTBLexer's NEWLINE includes VT and FF
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u000B\u000C\u0085]/g;

/**
 * Runs the lexer over `text`, calling `emit` for each token and `newline` for each "\n" (the
 * jar's `-preserveLines` output starts a new line there).
 */
function lex(
  text: string,
  options: PtbOptions,
  emit: (token: string) => void,
  newline: () => void,
): void {
  let pos = 0;
  while (pos < text.length) {
    let bestRule = -1;
    let bestTotal = 0;
    let bestText = '';
    for (let r = 0; r < PTB_RULES.length; r++) {
      const rule = PTB_RULES[r] as (typeof PTB_RULES)[number];
      rule.pattern.lastIndex = pos;
      const m = rule.pattern.exec(text);
      if (m === null || m[0] === '') continue;
      let total = m[0].length;
      if (rule.context) {
        rule.context.lastIndex = pos + total;
        const c = rule.context.exec(text);
        if (c === null) continue;
        total += c[0].length;
      }
      if (total > bestTotal) {
        bestTotal = total;
        bestRule = r;
        bestText = m[0];
      }
    }
    if (bestRule < 0) {
      // Untokenizable character: PTBLexer's default (firstDelete) drops it.
      pos += (text.codePointAt(pos) as number) > 0xffff ? 2 : 1;
      continue;
    }
    const rule = PTB_RULES[bestRule] as (typeof PTB_RULES)[number];
    if (rule.name === 'SPACE') {
      for (let i = bestText.indexOf('\n'); i >= 0; i = bestText.indexOf('\n', i + 1)) newline();
    } else {
      let token = rule.action(bestText);
      if (token !== null && options.americanize && PTB_WORD_RULES.has(rule.name))
        token = americanize(token);
      if (token !== null) emit(token);
    }
    pos += bestText.length;
  }
}

/** Stanford PTB tokens of one line (no lower-casing, nothing dropped). */
export function tokenizePtb(text: string, options: PtbOptions = {}): string[] {
  const tokens: string[] = [];
  lex(
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
 * capitalised next line is a sentence end).
 */
export function tokenizePtbLines(lines: readonly string[], options: PtbOptions = {}): string[][] {
  const out: string[][] = [[]];
  const text = lines.map((l) => l.replace(LINE_BREAKS, ' ')).join('\n');
  lex(
    text,
    options,
    (t) => (out[out.length - 1] as string[]).push(t),
    () => out.push([]),
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

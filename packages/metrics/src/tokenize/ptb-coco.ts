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

/** Stanford PTB tokens of one line (no lower-casing, nothing dropped). */
export function tokenizePtb(text: string, options: PtbOptions = {}): string[] {
  const tokens: string[] = [];
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
    let token = rule.action(bestText);
    if (token !== null && options.americanize && PTB_WORD_RULES.has(rule.name))
      token = americanize(token);
    if (token !== null) tokens.push(token);
    pos += bestText.length;
  }
  return tokens;
}

/** COCO caption tokens: PTB tokens, lower-cased, punctuation tokens removed. */
export function tokenizeCoco(text: string, options: PtbOptions = {}): string[] {
  const out: string[] = [];
  for (const token of tokenizePtb(text.replace(/\n/g, ' '), options)) {
    const lower = token.toLowerCase();
    if (!COCO_PUNCTUATIONS.has(lower)) out.push(lower);
  }
  return out;
}

// The PTB lexer loop over the rules of ptb-rules.ts: at each position the rule with the longest
// match wins (trailing context counted), ties going to the earlier rule, as in JFlex.
//
// Trying all ~60 sticky regexes at every position was the whole cost of COCO tokenisation, so
// the default ('fast') mode takes two exact shortcuts; 'plain' mode is the definition itself,
// kept for tests that check both give the same tokens:
// 1. Only rules that can start with the character at hand are tried (ptb-first-chars.ts).
// 2. A run of ASCII letters followed by a space, "\n" or the end of the text is one WORD token.
//    Why exact: WORD (rule 8) matches the whole run; no pattern can match a space or "\n"
//    (only SPACE, FRAC, PHONE and LDOTS can, and none of them starts with a letter); every
//    pattern or context that could extend or split the run needs a character that is not an
//    ASCII letter (apostrophe, '.', '-', '/', '@', ':', soft hyphen, ...) inside the match.
//    So nothing is longer, and of the rules before WORD only `cannot` (can + context not) can
//    tie: a run that reads "cannot" in any case takes the plain path.
import { americanize } from './americanize';
import { buildPtbDispatch } from './ptb-first-chars';
import { PTB_RULES, PTB_WORD_RULES } from './ptb-rules';

export interface PtbOptions {
  /** Rewrite British spellings (PTBLexer `americanize`). Default false. */
  americanize?: boolean;
}

/** `fast` (default) takes the exact shortcuts above; `plain` tries every rule everywhere. */
export type PtbLexerMode = 'fast' | 'plain';

// Rule indices to try, by ASCII code (0-127); index 128 is for every other character.
const DISPATCH = buildPtbDispatch(PTB_RULES);
const ALL_RULES = PTB_RULES.map((_, index) => index);
const SPACE_RULE = PTB_RULES.findIndex((rule) => rule.name === 'SPACE');
const WORD_RULE = PTB_RULES.findIndex((rule) => rule.name === 'WORD');
const IS_WORD_RULE = PTB_RULES.map((rule) => PTB_WORD_RULES.has(rule.name));

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * Runs the lexer over `text`, calling `emit` for each token and `newline` for each "\n" (the
 * jar's `-preserveLines` output starts a new line there).
 */
export function lexPtb(
  text: string,
  options: PtbOptions,
  emit: (token: string) => void,
  newline: () => void,
  mode: PtbLexerMode = 'fast',
): void {
  const fast = mode === 'fast';
  let pos = 0;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (fast && isAsciiLetter(code)) {
      let end = pos + 1;
      while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
      const next = end < text.length ? text.charCodeAt(end) : 32;
      if (
        (next === 32 || next === 10) &&
        !(end - pos === 6 && /^cannot$/i.test(text.slice(pos, end)))
      ) {
        emitToken(WORD_RULE, text.slice(pos, end), options, emit);
        pos = end;
        continue;
      }
    }
    let bestRule = -1;
    let bestTotal = 0;
    let bestText = '';
    const candidates = fast ? (DISPATCH[Math.min(code, 128)] as readonly number[]) : ALL_RULES;
    // Rules are tried in grammar order, so ties still go to the earlier rule.
    for (const r of candidates) {
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
    if (bestRule === SPACE_RULE) {
      for (let i = bestText.indexOf('\n'); i >= 0; i = bestText.indexOf('\n', i + 1)) newline();
    } else {
      emitToken(bestRule, bestText, options, emit);
    }
    pos += bestText.length;
  }
}

function emitToken(
  rule: number,
  text: string,
  options: PtbOptions,
  emit: (token: string) => void,
): void {
  let token = (PTB_RULES[rule] as (typeof PTB_RULES)[number]).action(text);
  if (token !== null && options.americanize && IS_WORD_RULE[rule]) token = americanize(token);
  if (token !== null) emit(token);
}

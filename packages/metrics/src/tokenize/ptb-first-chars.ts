// Which rules of the PTB lexer (ptb-rules.ts) can match at a position, by the character there.
// The lexer wants the longest match over all ~60 rules at every position; trying each rule's
// sticky regex everywhere was its whole cost. A non-empty match starts with the character at
// the position, so a rule whose pattern cannot start with that character cannot win there and
// is skipped. Only ASCII characters are dispatched (the table below is written for them and
// checked by tests); at any other character every rule is tried, exactly as before.
//
// Each entry lists the ASCII characters a rule's pattern can start with, read off the patterns
// (they are case-sensitive; `ci` literals list both cases; \p{L} is A-Za-z and \p{Nd} 0-9 in
// ASCII; `&` starts the entity spellings such as &apos; &amp; &quot; &lt; &nbsp;). Listing a
// character too many only costs time; a missing one would change tokens, so when unsure, list.
import { InternalError } from '@prefixkit/errors';
import type { PtbRule } from './ptb-rules';

const LETTERS = 'A-Za-z';
const ALNUM = 'A-Za-z0-9';

/** Rule name -> regex character class (without brackets) of the ASCII characters it can start with. */
export const PTB_FIRST_ASCII: Readonly<Record<string, string>> = {
  cannot: 'cC',
  SGML: '<',
  SPMDASH: '&',
  SPAMP: '&',
  SPPUNC: '&',
  'WORD/REDAUX': LETTERS,
  'SWORD/SREDAUX': LETTERS,
  WORD: LETTERS,
  APOWORD: `${LETTERS}'&`,
  APOWORD2: 'y',
  FULLURL: 'h',
  EMAIL: ALNUM,
  'REDAUX/nonletter': "'&",
  SREDAUX: 'nN',
  DATE: '0-9',
  NUMBER: '0-9+.:,\\-',
  FRAC: '0-9',
  FRAC2: '', // only non-ASCII fraction characters
  TBSPEC: 'CSaApPcC\\-',
  THING3: ALNUM,
  DOLSIGN: 'A-Z$#',
  DOLSIGN2: '', // only non-ASCII currency signs
  'ABBREV1/SENTEND': LETTERS,
  ABBREV1: LETTERS,
  ABBREV2: LETTERS,
  'ACRO/SPACENL': LETTERS,
  'WORD./INSENTP': LETTERS,
  PHONE: '(0-9',
  'DBLQUOT/left': '"&',
  DBLQUOT: '"&',
  PLUS: '+',
  PERCENT: '%&',
  TILDE: '~^',
  BAR: '|\\\\\\x7f',
  OPBRAC: '<[&',
  CLBRAC: '>\\]&',
  LCB: '{',
  RCB: '}',
  LRB: '(',
  RRB: ')',
  HYPHENS: '\\-',
  LDOTS: '.',
  FNMARKS: '@#_',
  ASTS: '*\\\\',
  INSENTP: ',;:',
  QMARKS: '?!',
  PERIOD: '.',
  EQUALS: '=',
  SLASH: '/',
  'HTHING./INSENTP': ALNUM,
  HTHING: ALNUM,
  'THING./INSENTP': ALNUM,
  THING: ALNUM,
  THINGA: 'A-Z',
  'QUOTE/left': "'",
  REDAUX: "'&",
  QUOTES: "'&`",
  MISCSYMBOL: '', // only non-ASCII symbols
  SPACE: ' \\t\\r\\n\\x0B\\x0C\\x00&',
};

/**
 * For each ASCII code, the indices (in grammar order) of the rules that can match there;
 * index 128 holds every rule, for all other characters.
 */
export function buildPtbDispatch(rules: readonly PtbRule[]): readonly (readonly number[])[] {
  const table: number[][] = Array.from({ length: 129 }, () => []);
  rules.forEach((rule, index) => {
    const first = PTB_FIRST_ASCII[rule.name];
    if (first === undefined) {
      throw new InternalError(`PTB rule ${rule.name} has no entry in PTB_FIRST_ASCII`);
    }
    const starts = first === '' ? null : new RegExp(`^[${first}]$`);
    for (let code = 0; code < 128; code++) {
      if (starts?.test(String.fromCharCode(code))) (table[code] as number[]).push(index);
    }
    (table[128] as number[]).push(index);
  });
  return table;
}

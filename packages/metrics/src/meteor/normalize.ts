// METEOR 1.5's `-norm` normaliser for English (edu.cmu.meteor.util.Normalizer.normalizeLine
// with keepPunctuation): Moses-style tokenisation plus METEOR's additions (quote and dash
// normalisation, dashes between words removed, dots dropped from U.S.-style abbreviations).
// The regular expressions reproduce the Java ones, including their non-overlapping matching
// (so in "a,b,c" one pass separates only the first comma; the later passes catch the rest).
// The scorer lower-cases after normalising, so the prefix list sees the original case.
import { ENGLISH_NONBREAKING_PREFIXES } from './nonbreaking-prefixes';

// Western European and Cyrillic letters as METEOR lists them.
const ALPHA =
  'A-Za-zŠŽšžŸÀ-ÖØ-öø-ž\u0400-\u04FF\u0500-\u0527\uA640-\uA66E\uA67E-\uA697\u1D00-\u1D7F';
const ALNUM = `0-9${ALPHA}`;
const JAVA_SPACE = ' \\t\\n\\u000B\\f\\r';

const SEP_OTHER = new RegExp(`([^${ALNUM}${JAVA_SPACE}.'\`,\\-‘’])`, 'g');
const MULTI_DOT = /\.([.]+)/g;
const MULTI_DOT2 = /DOTMULTI\.([^.])/g;
const COMMA = /([^0-9]),([^0-9])/g;
const COMMA2 = /([0-9]),([^0-9])/g;
const COMMA3 = /([^0-9]),([0-9])/g;
const QUOTE = /[`‘’]/g;
const QUOTE2 = /[“”]|''/g;
const CONT1 = new RegExp(`([^${ALPHA}])'([^${ALPHA}])`, 'g');
const CONT2 = new RegExp(`([^${ALPHA}0-9])'([${ALPHA}])`, 'g');
const CONT3 = new RegExp(`([${ALPHA}])'([^${ALPHA}])`, 'g');
const CONT4 = new RegExp(`([${ALPHA}])'([${ALPHA}])`, 'g');
const CONT5 = /([0-9])'(s)/g;
const RM_DASH = new RegExp(`([${ALNUM}.])-([${ALNUM}])`, 'g');
const HAS_ALPHA = new RegExp(`[${ALPHA}]`);
// METEOR 1.5 folds these Unicode spaces into ' ' at the end.
const WHITE = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
// java.util.StringTokenizer's default delimiters.
const TOKEN_SPLIT = /[ \t\n\r\f]+/;

/** Splits on the delimiters of java.util.StringTokenizer (space, tab, CR, LF, FF). */
export function javaTokenize(line: string): string[] {
  return line.split(TOKEN_SPLIT).filter((t) => t.length > 0);
}

/** Normalises one English line as `meteor-1.5.jar -norm` does before lower-casing. */
export function normalizeMeteorEnglish(line: string): string {
  let s = ` ${line} `;
  s = s.replace(SEP_OTHER, ' $1 ');
  s = s.replace(MULTI_DOT, ' DOTMULTI$1');
  while (s.includes('DOTMULTI.')) {
    s = s.replace(MULTI_DOT2, 'DOTDOTMULTI $1');
    s = s.split('DOTMULTI.').join('DOTDOTMULTI');
  }
  s = s.replace(COMMA, '$1 , $2').replace(COMMA2, '$1 , $2').replace(COMMA3, '$1 , $2');
  s = s.replace(QUOTE, "'").replace(QUOTE2, ' " ');
  s = s.split('–').join('-').split('--').join('-');
  s = s.replace(RM_DASH, '$1 $2');
  s = s.replace(CONT1, "$1 ' $2").replace(CONT2, "$1 ' $2").replace(CONT3, "$1 ' $2");
  s = s.replace(CONT4, "$1 '$2").replace(CONT5, "$1 '$2");

  const words = javaTokenize(s);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.length > 1 && word.endsWith('.')) {
      const pre = word.slice(0, -1);
      const numericOnly = ENGLISH_NONBREAKING_PREFIXES.get(pre);
      const next = words[i + 1];
      if (pre.includes('.') && HAS_ALPHA.test(pre)) {
        out.push(word.split('.').join('')); // U.S. -> US
      } else if (numericOnly === false || (next !== undefined && /^[a-z]/.test(next))) {
        out.push(word);
      } else if (numericOnly === true && next !== undefined && /^[0-9]+/.test(next)) {
        out.push(word);
      } else {
        out.push(`${pre} .`);
      }
    } else {
      out.push(word);
    }
  }
  s = `${out.join(' ')} `;
  while (s.includes('DOTDOTMULTI')) s = s.split('DOTDOTMULTI').join('DOTMULTI.');
  s = s.split('DOTMULTI').join('.');
  return s.replace(WHITE, ' ').trim();
}

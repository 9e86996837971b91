// The tokeniser of NIST's mteval-v13a.pl (its default `tokenization` sub, not the
// `--international-tokenization` one), as the E2E challenge's measure_scores.py runs it.
//
// Facts reproduced (see docs in the package README):
// - `<skipped>` is removed, then the SGML entities &quot; &amp; &lt; &gt; are decoded, in that
//   order (a literal `&amp;lt;` therefore ends up as `<`, as in Perl).
// - Only ASCII letters are lower-cased (Perl `tr/[A-Z]/[a-z]/`), unless case is preserved.
// - ASCII punctuation except `'` `,` `-` `.` becomes its own token; `.` and `,` are split off unless
//   both neighbours are digits; `-` is split off only after a digit.
// - Whitespace is Perl's Unicode `\s`, because the script reads its files as UTF-8.

/** Perl's `\s` on character strings (Perl >= 5.18, which includes the vertical tab). */
export const PERL_SPACE =
  '\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const SPACE_RUN = new RegExp(`[${PERL_SPACE}]+`, 'g');
const EDGE_SPACE = new RegExp(`^[${PERL_SPACE}]+|[${PERL_SPACE}]+$`, 'g');

export interface Mteval13aOptions {
  /** Keep upper-case letters (mteval's `-c`). Default false: ASCII letters are lower-cased. */
  preserveCase?: boolean;
}

/** Normalises one segment the way mteval-v13a does and returns its tokens. */
export function tokenizeMteval13a(text: string, options: Mteval13aOptions = {}): string[] {
  let t = text.replace(/<skipped>/g, '');
  t = t.replace(/-\n/g, '').replace(/\n/g, ' ');
  t = t
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  t = ` ${t} `;
  if (!options.preserveCase) t = t.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  // { | } ~  [ \ ] ^ _ `  space ! " # $ % &  ( ) * +  : ; < = > ? @  /
  t = t.replace(/([{-~[-` -&(-+:-@/])/g, ' $1 ');
  t = t.replace(/([^0-9])([.,])/g, '$1 $2 ');
  t = t.replace(/([.,])([^0-9])/g, ' $1 $2');
  t = t.replace(/([0-9])(-)/g, '$1 $2 ');
  t = t.replace(SPACE_RUN, ' ').replace(EDGE_SPACE, '');
  return t === '' ? [] : t.split(' ');
}

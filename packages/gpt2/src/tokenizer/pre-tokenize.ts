// GPT-2's pre-tokenisation pattern (openai/gpt-2 encoder.py):
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// `\s` is written out as Unicode's White_Space set, because JavaScript's `\s` differs from the
// reference implementations' (JS adds U+FEFF and lacks U+0085). `\s+(?!\S)` leaves the last
// space of a run to start the next word, so " hello" stays one piece after "\n  ".

const whitespace =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const pattern = new RegExp(
  [
    "'s|'t|'re|'ve|'m|'ll|'d",
    ' ?\\p{L}+',
    ' ?\\p{N}+',
    ` ?[^${whitespace}\\p{L}\\p{N}]+`,
    `[${whitespace}]+(?![^${whitespace}])`,
    `[${whitespace}]+`,
  ].join('|'),
  'gu',
);

/** Splits text into GPT-2's pre-tokens (the pieces BPE runs on separately). */
export function preTokenize(text: string): string[] {
  return Array.from(text.matchAll(pattern), (match) => match[0]);
}

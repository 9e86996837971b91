// ASCII transliteration in the spirit of Python's `unidecode`, which the WebNLG 2017 evaluation
// applies to hypotheses and references. Built from Unicode facts, not from unidecode's tables:
// canonical/compatibility decomposition (NFKD) with combining marks removed covers accented Latin,
// a short table covers letters without a decomposition (ß, ø, æ, ł, ı ...) and common
// punctuation; anything else that is not ASCII becomes '' (unidecode's default for unknown
// characters). Checked against unidecode 1.3.6 on the characters of the WebNLG test data.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'Ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŋ: 'ng',
  Ŋ: 'NG',
  ſ: 's',
  ĸ: 'q',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': ',',
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': ',,',
  '\u2032': "'",
  '\u2033': '"',
  '\u00AB': '<<',
  '\u00BB': '>>',
  '\u2039': '<',
  '\u203A': '>',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '--',
  '\u2015': '--',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u00B7': '*',
  '\u00A0': ' ',
  '\u00B0': 'deg',
  '\u00A3': 'PS',
  '\u20AC': 'EUR',
  '\u00A9': '(c)',
  '\u00AE': '(r)',
  '\u00D7': 'x',
  '\u00F7': '/',
  '\u00BF': '?',
  '\u00A1': '!',
  '\u00A7': 'SS',
};

/** ASCII rendering of `text` (ASCII characters pass through unchanged). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const special = SPECIAL[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    let ascii = '';
    for (const c of base) {
      if ((c.codePointAt(0) as number) < 0x80) ascii += c;
      else ascii += SPECIAL[c] ?? '';
    }
    out += ascii;
  }
  return out;
}

/** Alias of {@link transliterate} (the name TER exported before the copies were merged). */
export const transliterateAscii = transliterate;

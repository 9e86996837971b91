// The text normalisation of the WebNLG 2017 evaluation script (webnlg-automatic-evaluation
// evaluation.py, write_to_file): ASCII transliteration (Python `unidecode`), lower-casing, and
// every non-word character (Python `\W` on the ASCII text: not a letter, digit or '_') made a
// token of its own, whitespace collapsed.
// Transliteration here covers what WebNLG text contains: accented Latin letters via Unicode
// decomposition plus a table of letters and punctuation that do not decompose; characters
// unidecode has no ASCII for are dropped, as unidecode drops them.

const TABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
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
  ĸ: 'q',
  ſ: 's',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '--',
  '\u2015': '--',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': ',',
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': ',,',
  '\u2026': '...',
  '\u2032': "'",
  '\u2033': '"',
  '\u00AB': '<<',
  '\u00BB': '>>',
  '\u2039': '<',
  '\u203A': '>',
  '\u00A0': ' ',
  '\u00B0': 'deg',
  '\u00B7': '*',
  '\u2022': '*',
  '\u00D7': 'x',
  '\u00F7': '/',
  '\u20AC': 'EUR',
  '\u00A3': 'PS',
  '\u00A5': 'Y=',
  '\u00A9': '(c)',
  '\u00AE': '(r)',
  '\u2122': 'tm',
  '\u00BD': ' 1/2',
  '\u00BC': ' 1/4',
  '\u00BE': ' 3/4',
  '\u00B2': '2',
  '\u00B3': '3',
  '\u00B9': '1',
  '\u2212': '-',
  '\u00AD': '-',
  '\u00BA': 'o',
  '\u00AA': 'a',
  '\u00BF': '?',
  '\u00A1': '!',
  '\u00A7': 'SS',
  '\u00B6': 'P',
};

/** ASCII transliteration in the manner of Python's `unidecode` (subset: Latin text). */
export function transliterateAscii(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const mapped = TABLE[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // Decompose and keep the ASCII part (é -> e, ñ -> n); no ASCII part -> dropped.
    out += [...ch.normalize('NFKD')].filter((c) => (c.codePointAt(0) as number) < 0x80).join('');
  }
  return out;
}

/** WebNLG 2017 normalisation of one line; returns the space-joined tokens. */
export function normalizeWebnlg(text: string): string {
  const ascii = transliterateAscii(text.trim()).toLowerCase();
  return ascii
    .split(/(\W)/)
    .join(' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .join(' ');
}

// Text normalisation of the WebNLG 2017 evaluation (webnlg-automatic-evaluation `evaluation.py`):
// lower-case, ASCII transliteration, every non-word character its own token, single spaces.
// Hypotheses and references are treated slightly differently, as in that script: a hypothesis
// is transliterated before splitting, a reference after (so a character that transliterates to
// punctuation stays attached in references).
import { transliterate } from './transliterate';

// Python's str.strip()/split() whitespace.
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace includes the ASCII separators 0x1C-0x1F
const PY_SPACE = /[\s\u001c-\u001f\u0085]+/u;

function splitNonWord(text: string, unicodeWord: boolean): string {
  // re.split('(\W)') + ' '.join: each non-word character becomes a separate piece.
  const nonWord = unicodeWord ? /([^\p{L}\p{N}\p{M}_])/u : /([^A-Za-z0-9_])/;
  return text.split(nonWord).join(' ');
}
function squeeze(text: string): string {
  return text
    .split(PY_SPACE)
    .filter((t) => t !== '')
    .join(' ');
}

/** A system output line as `read_participant` + `write_to_file` normalise it. */
export function normalizeWebNLGHypothesis(line: string): string {
  const item = transliterate(line.trim());
  return squeeze(splitNonWord(transliterate(item.toLowerCase()), false));
}

/** A lexicalisation as `bleu_ref_files_gen` normalises it into the gold-*.lex files. */
export function normalizeWebNLGReference(lex: string): string {
  return transliterate(squeeze(splitNonWord(lex, true)).toLowerCase());
}

/**
 * WebNLG 2017 normalisation of one line (alias of {@link normalizeWebNLGHypothesis}, the name TER
 * exported before the two copies were merged).
 */
export const normalizeWebnlg = normalizeWebNLGHypothesis;

// Writers for the official multi-reference formats (as text; the Node entry writes files).
// - E2E (`e2e-metrics/measure_scores.py`): one reference per line, a blank line between MRs.
// - WebNLG 2017 (`webnlg-automatic-evaluation`, webnlg/eval-references/): files reference0..N,
//   line i of file k = the k-th reference of input i, an empty line where there is none;
//   texts lower-cased, transliterated to ASCII and split so that every non-word character is
//   its own token (docs/reference/METRICS.md, "WebNLG 2017").
import type { ReferenceGroup } from './group-references';

/** The E2E multi-reference file: groups separated by one blank line, LF line ends. */
export function formatE2EReferences(groups: readonly ReferenceGroup[]): string {
  return `${groups.map((group) => group.references.join('\n')).join('\n\n')}\n`;
}

/** One output line per group (for system outputs in either format). */
export function formatOutputLines(lines: readonly string[]): string {
  // A line break inside an output would shift every following line against its references.
  return `${lines.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n')}\n`;
}

/**
 * The WebNLG reference files: `files[k]` is the text of `reference{k}`.
 *
 * @param options.count number of files (default: the largest number of references of a group;
 *   the official all-cat set has 8).
 * @param options.normalize applied to each reference (default normalizeWebNLGReference; pass
 *   `(text) => text` to keep them raw).
 */
export function formatWebNLGReferenceFiles(
  groups: readonly ReferenceGroup[],
  options: { count?: number; normalize?: (text: string) => string } = {},
): string[] {
  const count =
    options.count ?? groups.reduce((most, group) => Math.max(most, group.references.length), 0);
  const normalize = options.normalize ?? normalizeWebNLGReference;
  const files: string[] = [];
  for (let k = 0; k < count; k++) {
    files.push(
      groups
        .map((group) => {
          const reference = group.references[k];
          return reference === undefined ? '\n' : `${normalize(reference)}\n`;
        })
        .join(''),
    );
  }
  return files;
}

// Letters that Unicode decomposition does not reduce to ASCII, transliterated as `unidecode`
// does; with these, all 4,928 test references equal the official files (tested).
const transliterations: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  ı: 'i',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
};

/**
 * The WebNLG evaluation normalisation: ASCII transliteration, lower case, every non-word
 * character its own token, single spaces.
 *
 * @example
 * normalizeWebNLGReference('Abilene, Texas is served by Abilene Regional Airport.');
 * // 'abilene , texas is served by abilene regional airport .'
 */
export function normalizeWebNLGReference(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0080-\uffff]/g, (char) => transliterations[char] ?? char);
  return ascii
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\s]/gu, ' $& ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .join(' ');
}

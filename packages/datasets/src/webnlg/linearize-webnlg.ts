// WebNLG source linearisation exactly as the paper's code (docs/reference/LINEARIZATION.md, "WebNLG"):
// ` | subject : property : object` per triple, values verbatim (underscores, quotes, camelCase).
import type { Triple } from './webnlg-entry';

/**
 * The training-time source: every triple, the first included, is preceded by ` | `, so the
 * source starts with ` | ` (and the training string with two spaces and a bar).
 *
 * @example
 * linearizeWebNLG([{ subject: 'Aarhus', property: 'leaderName', object: 'Jacob_Bundsgaard' }]);
 * // ' | Aarhus : leaderName : Jacob_Bundsgaard'
 */
export function linearizeWebNLG(triples: readonly Triple[]): string {
  return triples.map((triple) => ` | ${formatTriple(triple)}`).join('');
}

/**
 * The decoding-time source for the entry at `entryIndex` in its file, reproducing the original
 * `read_webnlg_files` quirk: the separator depends on the *entry* index, so entry 0 gets its
 * triples concatenated with no separator at all (`S1 : p1 : O1S2 : p2 : O2`) while every other
 * entry matches training. Pass `{ quirk: false }` to get the training form for every entry.
 */
export function linearizeWebNLGForDecoding(
  triples: readonly Triple[],
  entryIndex: number,
  options: { quirk?: boolean } = {},
): string {
  if (entryIndex === 0 && options.quirk !== false) return triples.map(formatTriple).join('');
  return linearizeWebNLG(triples);
}

function formatTriple(triple: Triple): string {
  return `${triple.subject} : ${triple.property} : ${triple.object}`;
}

// DART source linearisation exactly as the paper's code (docs/reference/LINEARIZATION.md, "DART"):
// `subject : relation.lower() : object`, triples joined by ` | ` only between triples.

/** A DART triple `[subject, relation, object]` as in the JSON. */
export type DartTriple = readonly [string, string, string];

/**
 * @example
 * linearizeDart([['Mars Hill College', 'JOINED', '1973']]); // 'Mars Hill College : joined : 1973'
 */
export function linearizeDart(triples: readonly DartTriple[]): string {
  // Python's str.lower() and JS toLowerCase() agree on the relations DART uses.
  return triples
    .map(([subject, relation, object]) => `${subject} : ${relation.toLowerCase()} : ${object}`)
    .join(' | ');
}

// N-gram counting shared by the BLEU, NIST, CIDEr and ROUGE-N implementations.
// Keys are the tokens joined by a single space: every tokeniser here splits on whitespace, so a
// token never contains one and the join is unambiguous.

/** Counts of all n-grams of orders 1..maxN; `counts[n - 1]` holds the n-grams of order n. */
export function countNgrams(tokens: readonly string[], maxN: number): Map<string, number>[] {
  const counts: Map<string, number>[] = [];
  for (let n = 1; n <= maxN; n++) {
    const table = new Map<string, number>();
    for (let i = 0; i + n <= tokens.length; i++) {
      const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(' ');
      table.set(key, (table.get(key) ?? 0) + 1);
    }
    counts.push(table);
  }
  return counts;
}

/** Splits on runs of whitespace, ignoring leading and trailing whitespace (Python `str.split()`). */
export function splitWhitespace(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

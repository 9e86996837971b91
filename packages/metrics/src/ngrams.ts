// N-gram counting shared by the BLEU, NIST, CIDEr and ROUGE-N implementations.
// Keys are the tokens joined by a single space: every tokeniser here splits on whitespace, so a
// token never contains one and the join is unambiguous.

/** Counts of all n-grams of orders 1..maxN; `counts[n - 1]` holds the n-grams of order n. */
export function countNgrams(tokens: readonly string[], maxN: number): Map<string, number>[] {
  const counts: Map<string, number>[] = [];
  for (let n = 1; n <= maxN; n++) counts.push(new Map<string, number>());
  // Keys grow one token at a time from each start position (no slice/join per n-gram). Each
  // table still receives its n-grams in order of start position, so iteration order (and any
  // floating-point sum taken over it) is the same as counting one order at a time.
  for (let i = 0; i < tokens.length; i++) {
    let key = tokens[i] as string;
    const last = Math.min(maxN, tokens.length - i);
    for (let n = 1; n <= last; n++) {
      if (n > 1) key = `${key} ${tokens[i + n - 1] as string}`;
      const table = counts[n - 1] as Map<string, number>;
      table.set(key, (table.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Splits on runs of whitespace, ignoring leading and trailing whitespace (Python `str.split()`). */
export function splitWhitespace(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

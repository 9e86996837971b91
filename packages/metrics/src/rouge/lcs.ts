// Longest common subsequence by dynamic programming over two rows: O(n*m) time, O(m) memory.

/** Length of the longest common subsequence of two token arrays. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Int32Array(b.length + 1);
  let curr = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      curr[j] =
        ai === b[j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, curr[j - 1] as number);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] as number;
}

/** Full LCS table (rows = a), as rouge_score's `_lcs_table` builds it, for backtracking. */
export function lcsTable(a: readonly string[], b: readonly string[]): Int32Array[] {
  const t: Int32Array[] = [];
  for (let i = 0; i <= a.length; i++) t.push(new Int32Array(b.length + 1));
  for (let i = 1; i <= a.length; i++) {
    const row = t[i] as Int32Array;
    const up = t[i - 1] as Int32Array;
    for (let j = 1; j <= b.length; j++) {
      row[j] =
        a[i - 1] === b[j - 1]
          ? (up[j - 1] as number) + 1
          : Math.max(up[j] as number, row[j - 1] as number);
    }
  }
  return t;
}

// Byte-pair encoding of one pre-token, as openai/gpt-2 encoder.py `bpe`: repeatedly merge the
// adjacent pair with the lowest merge rank (all its non-overlapping occurrences, left to right)
// until no adjacent pair has a rank. Results are cached per pre-token.

/** Merge ranks keyed by `left + ' ' + right` (symbols never contain a space: it is `Ġ`). */
export type MergeRanks = ReadonlyMap<string, number>;

/** Splits `word` (stand-in characters) into its BPE symbols. */
export function bytePairEncode(word: string, ranks: MergeRanks): string[] {
  let symbols = Array.from(word);
  while (symbols.length > 1) {
    let best = Number.POSITIVE_INFINITY;
    let bestIndex = -1;
    for (let index = 0; index < symbols.length - 1; index++) {
      const rank = ranks.get(`${symbols[index]} ${symbols[index + 1]}`);
      if (rank !== undefined && rank < best) {
        best = rank;
        bestIndex = index;
      }
    }
    if (bestIndex < 0) break;
    const first = symbols[bestIndex]!;
    const second = symbols[bestIndex + 1]!;
    const merged: string[] = [];
    for (let index = 0; index < symbols.length; ) {
      if (index < symbols.length - 1 && symbols[index] === first && symbols[index + 1] === second) {
        merged.push(first + second);
        index += 2;
      } else {
        merged.push(symbols[index]!);
        index += 1;
      }
    }
    symbols = merged;
  }
  return symbols;
}

/** A bounded cache: cleared when full, which keeps memory flat on adversarial input. */
export class BpeCache {
  private readonly entries = new Map<string, number[]>();
  constructor(private readonly capacity = 50_000) {}
  get(word: string): number[] | undefined {
    return this.entries.get(word);
  }
  set(word: string, ids: number[]): void {
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(word, ids);
  }
}

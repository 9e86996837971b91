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

// Integer n-gram ids, for the corpus metrics' hot loops (BLEU/NIST, CIDEr). String keys cost a
// concatenation, a hash and garbage per n-gram; here each distinct n-gram gets a dense id once:
// an n-gram is the pair (id of its (n-1)-gram prefix, token id), found in an open-addressing
// hash table over one typed array. Ids index corpus-sized typed arrays of counts and weights.
// Per-sentence id lists are plain arrays on purpose: V8 keeps typed arrays over 64 bytes
// outside its heap, and tens of thousands of small ones made the garbage collector the cost.

const EMPTY_SLOT = -1;

/**
 * Dense ids for tokens and n-grams. An index made with a `base` extends it without changing it:
 * ids of the base are kept and new ones start after them (a system's own n-grams are added to a
 * cached reference index that way, then dropped with the extension).
 */
export class NgramIndex {
  /** Number of n-gram ids in use (base included). */
  size: number;
  /** Id of each n-gram's (n-1)-gram prefix, -1 for unigrams; index = id - first id. */
  private readonly prefixes: number[] = [];
  private readonly tokens = new Map<string, number>();
  private tokenCount: number;
  private readonly first: number;
  // Hash table with linear probing, load at most 1/2. Slot k is slots[3k .. 3k+2] = (prefix id
  // + 1, token id, n-gram id), interleaved so that a probe touches one cache line (the table
  // outgrows the CPU caches on a real corpus, and separate arrays cost three misses a probe).
  private slots = emptySlots(1024);
  private filled = 0;

  constructor(private readonly base?: NgramIndex) {
    this.first = base?.size ?? 0;
    this.size = this.first;
    this.tokenCount = base?.tokenCount ?? 0;
  }

  /** Id of `token`, or -1 when it was never added. */
  lookupToken(token: string): number {
    return this.base?.tokens.get(token) ?? this.tokens.get(token) ?? -1;
  }

  /** Id of the n-gram `prefix` + `token`, or -1 when it was never added. */
  lookupGram(prefix: number, token: number): number {
    if (this.base !== undefined && prefix < this.first) {
      const known = this.base.find(prefix, token);
      if (known >= 0) return known;
    }
    return this.find(prefix, token);
  }

  /** Id of `token`, added when new. */
  tokenId(token: string): number {
    const known = this.base?.tokens.get(token) ?? this.tokens.get(token);
    if (known !== undefined) return known;
    this.tokens.set(token, this.tokenCount);
    return this.tokenCount++;
  }

  /** Id of the n-gram `prefix` + `token` (prefix -1: a unigram), added when new. */
  gramId(prefix: number, token: number): number {
    if (this.base !== undefined && prefix < this.first) {
      const known = this.base.find(prefix, token);
      if (known >= 0) return known;
    }
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let at = 3 * (hashPair(prefix + 1, token) & mask);
    for (;;) {
      const id = slots[at + 2] as number;
      if (id === EMPTY_SLOT) break;
      if (slots[at] === prefix + 1 && slots[at + 1] === token) return id;
      at = at + 3 === slots.length ? 0 : at + 3;
    }
    const id = this.size++;
    slots[at] = prefix + 1;
    slots[at + 1] = token;
    slots[at + 2] = id;
    this.prefixes.push(prefix);
    if (++this.filled * 2 > mask + 1) this.grow();
    return id;
  }

  /** Prefix id of n-gram `id` (-1 for a unigram). */
  prefixOf(id: number): number {
    if (id < this.first) return (this.base as NgramIndex).prefixOf(id);
    return this.prefixes[id - this.first] as number;
  }

  /**
   * N-gram ids of a token sequence: `ids[n - 1][i]` is the n-gram of order n starting at token i,
   * for n = 1..maxN (each array in start order, as {@link countNgrams} inserts them).
   */
  ngramIds(tokens: readonly string[], maxN: number): number[][] {
    // Each token is looked up once, not once per n-gram it is part of.
    const tokenIds = tokens.map((token) => this.tokenId(token));
    const ids: number[][] = [];
    for (let n = 1; n <= maxN; n++) ids.push(new Array<number>(Math.max(0, tokens.length - n + 1)));
    for (let i = 0; i < tokenIds.length; i++) {
      let gram = -1;
      const last = Math.min(maxN, tokenIds.length - i);
      for (let n = 1; n <= last; n++) {
        gram = this.gramId(gram, tokenIds[i + n - 1] as number);
        (ids[n - 1] as number[])[i] = gram;
      }
    }
    return ids;
  }

  /** Like {@link ngramIds} without adding anything: an n-gram never added has id -1. */
  knownNgramIds(tokens: readonly string[], maxN: number): number[][] {
    const tokenIds = tokens.map((token) => this.lookupToken(token));
    const ids: number[][] = [];
    for (let n = 1; n <= maxN; n++)
      ids.push(new Array<number>(Math.max(0, tokens.length - n + 1)).fill(-1));
    for (let i = 0; i < tokenIds.length; i++) {
      let gram = -1;
      const last = Math.min(maxN, tokenIds.length - i);
      for (let n = 1; n <= last; n++) {
        const token = tokenIds[i + n - 1] as number;
        gram = token < 0 ? -1 : this.lookupGram(gram, token);
        if (gram < 0) break; // no longer n-gram from here was added either
        (ids[n - 1] as number[])[i] = gram;
      }
    }
    return ids;
  }

  // Lookup in this table only (ids below `first` live in the base).
  private find(prefix: number, token: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let at = 3 * (hashPair(prefix + 1, token) & mask);
    for (;;) {
      const id = slots[at + 2] as number;
      if (id === EMPTY_SLOT) return EMPTY_SLOT;
      if (slots[at] === prefix + 1 && slots[at + 1] === token) return id;
      at = at + 3 === slots.length ? 0 : at + 3;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = emptySlots((old.length / 3) * 2);
    const mask = slots.length / 3 - 1;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from + 2] === EMPTY_SLOT) continue;
      let at = 3 * (hashPair(old[from] as number, old[from + 1] as number) & mask);
      while (slots[at + 2] !== EMPTY_SLOT) at = at + 3 === slots.length ? 0 : at + 3;
      slots.set(old.subarray(from, from + 3), at);
    }
    this.slots = slots;
  }
}

function emptySlots(capacity: number): Int32Array {
  return new Int32Array(capacity * 3).fill(EMPTY_SLOT);
}

// Mixes two 32-bit integers into a well-spread hash (multiplicative hashing, then xor-shift).
function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

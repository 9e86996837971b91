import { describe, expect, it } from 'vitest';
import { countNgrams, NgramIndex } from './ngrams';

// The string key of every id, rebuilt from the index's prefix links and the tokens it saw.
function keysOf(index: NgramIndex, sentences: string[][], maxN: number): Map<number, string> {
  const keys = new Map<number, string>();
  for (const tokens of sentences) {
    index.ngramIds(tokens, maxN).forEach((ids, n) => {
      ids.forEach((id, i) => {
        keys.set(id, tokens.slice(i, i + n + 1).join(' '));
      });
    });
  }
  return keys;
}

describe('NgramIndex', () => {
  it('gives one dense id per distinct n-gram, linked to its prefix', () => {
    const index = new NgramIndex();
    const ids = index.ngramIds(['a', 'b', 'a', 'b', 'c'], 3);
    expect(ids[0]).toEqual([ids[0]?.[0], ids[0]?.[1], ids[0]?.[0], ids[0]?.[1], ids[0]?.[4]]);
    expect(new Set(ids.flat()).size).toBe(3 + 3 + 3); // a b c | ab ba bc | aba bab abc
    expect(index.size).toBe(9);
    expect([...new Set(ids.flat())].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const ab = ids[1]?.[0] as number;
    expect(index.prefixOf(ab)).toBe(ids[0]?.[0]);
    expect(index.prefixOf(ids[0]?.[0] as number)).toBe(-1);
  });

  it('matches countNgrams: same n-grams, first occurrences in the same order', () => {
    const words = 'the a cheap pub near the river the pub is cheap near a river'.split(' ');
    const sentences = Array.from({ length: 300 }, (_, s) =>
      Array.from({ length: 1 + ((s * 7) % 23) }, (_, i) => words[(s * 31 + i * i) % 14] as string),
    );
    const index = new NgramIndex();
    const keys = keysOf(index, sentences, 4); // also grows the table past its first size
    for (const tokens of sentences) {
      const ids = index.ngramIds(tokens, 4);
      countNgrams(tokens, 4).forEach((table, n) => {
        const firstSeen = [...new Set(ids[n])].map((id) => keys.get(id));
        expect(firstSeen).toEqual([...table.keys()]);
      });
    }
    expect(new Set(keys.values()).size).toBe(index.size);
  });

  it('looks up without adding, and extends a base without changing it', () => {
    const base = new NgramIndex();
    // Ids in order of first sight, start position first: x 0, xy 1, y 2, yz 3, z 4.
    base.ngramIds(['x', 'y', 'z'], 2);
    expect(base.size).toBe(5);
    expect(base.knownNgramIds(['y', 'z', 'w', 'x', 'y'], 2)).toEqual([
      [2, 4, -1, 0, 2],
      [3, -1, -1, 1],
    ]);
    expect(base.size).toBe(5);
    const local = new NgramIndex(base);
    // New ids continue after the base's: yw 5, then w 6.
    expect(local.ngramIds(['x', 'y', 'w'], 2)).toEqual([
      [0, 2, 6],
      [1, 5],
    ]);
    expect(local.size).toBe(7);
    expect(local.prefixOf(5)).toBe(2);
    expect(base.size).toBe(5);
    expect(base.knownNgramIds(['w'], 1)).toEqual([[-1]]);
  });

  it('keeps every id when its table grows', () => {
    const index = new NgramIndex();
    const tokens = Array.from({ length: 5000 }, (_, i) => `w${i % 2500}`);
    const ids = index.ngramIds(tokens, 3);
    expect(index.size).toBe(2500 + 2500 + 2500); // the sequence repeats once
    expect(index.knownNgramIds(tokens, 3)).toEqual(ids);
    expect(index.ngramIds(tokens, 3)).toEqual(ids);
  });
});

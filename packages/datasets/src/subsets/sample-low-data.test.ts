import { describe, expect, it } from 'vitest';
import { DatasetOptionError } from '../errors';
import { sampleLowData } from './sample-low-data';
import { seededRandom } from './seeded-random';

const train = Array.from({ length: 2000 }, (_, index) => index);
const dev = Array.from({ length: 600 }, (_, index) => 10_000 + index);

describe('sampleLowData', () => {
  it('draws 5 samples of each paper size, with 30% dev sets, all distinct and in original order', async () => {
    const subsets = await sampleLowData(train, dev);
    expect(subsets.map((subset) => [subset.size, subset.sample])).toHaveLength(20);
    for (const subset of subsets) {
      expect(subset.train).toHaveLength(subset.size);
      expect(subset.dev).toHaveLength(Math.round(subset.size * 0.3));
      expect(new Set(subset.train).size).toBe(subset.size);
      expect(subset.train).toEqual([...subset.train].sort((a, b) => a - b));
      expect(subset.dev.every((item) => item >= 10_000)).toBe(true);
    }
    const fifties = subsets
      .filter((subset) => subset.size === 50)
      .map((subset) => subset.train.join());
    expect(new Set(fifties).size).toBe(5);
  });

  it('is reproducible from the seed, independent of the other sizes asked for, and streams', async () => {
    const a = await sampleLowData(train, dev, { sizes: [100], samples: 2, seed: 3 });
    const b = await sampleLowData(train, dev, { sizes: [50, 100, 500], samples: 2, seed: 3 });
    expect(b.filter((subset) => subset.size === 100)).toEqual(a);
    async function* streamed() {
      yield* train;
    }
    expect(await sampleLowData(streamed(), dev, { sizes: [100], samples: 2, seed: 3 })).toEqual(a);
    const other = await sampleLowData(train, dev, { sizes: [100], samples: 2, seed: 4 });
    expect(other[0]!.train).not.toEqual(a[0]!.train);
  });

  it('samples uniformly (each item about equally often over many draws)', async () => {
    const counts = new Array(100).fill(0);
    const items = Array.from({ length: 100 }, (_, index) => index);
    const subsets = await sampleLowData(items, items, {
      sizes: [10],
      samples: 2000,
      devFraction: 0,
    });
    for (const subset of subsets) for (const item of subset.train) counts[item] += 1;
    // Expected 200 per item; a binomial(2000, 0.1) is within 200 +- 60 with overwhelming odds.
    for (const count of counts) {
      expect(count).toBeGreaterThan(140);
      expect(count).toBeLessThan(260);
    }
  });

  it('refuses sizes larger than the data and bad fractions', async () => {
    await expect(sampleLowData(train.slice(0, 10), dev, { sizes: [50] })).rejects.toThrow(
      DatasetOptionError,
    );
    await expect(sampleLowData(train, dev, { devFraction: 2 })).rejects.toThrow(DatasetOptionError);
  });

  it('seededRandom gives floats in [0, 1) that depend on the seed', () => {
    const a = seededRandom(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(seededRandom(2)()).not.toBe(seededRandom(1)());
  });
});

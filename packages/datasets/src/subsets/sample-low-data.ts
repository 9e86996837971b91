// Low-data subsets as the paper's low-data experiments (section "Low-data Setting"): training
// sets of 50/100/200/500 pairs subsampled from the full training data, several samples per size
// (the paper: 5 samples x 2 training seeds), each with its own small dev set
// (`gpt2/train_e2e.py` reads `lowdata_{seed}_{size}_train.txt` and `..._valid.txt` per sample).
// The dev size is `devFraction` x the training size (default 0.3, our reading of the paper's
// appendix; the repo does not contain the files). Sampling is seeded, reservoir-based and
// single-pass, so a large training set is streamed, not loaded.
import { DatasetOptionError } from '../errors';
import { mixSeed, seededRandom } from './seeded-random';

export interface LowDataOptions {
  /** Training sizes (default the paper's 50, 100, 200, 500). */
  sizes?: readonly number[];
  /** Samples per size (default 5, as the paper). */
  samples?: number;
  /** Base seed (default 101, the paper's training seed). */
  seed?: number;
  /** Dev size as a fraction of the training size (default 0.3). */
  devFraction?: number;
}

export interface LowDataSubset<T> {
  size: number;
  /** 0-based sample index. */
  sample: number;
  /** The seed this subset was drawn with (derived from base seed, size and sample). */
  seed: number;
  /** The sampled training items, in their original order. */
  train: T[];
  /** The sampled dev items, in their original order. */
  dev: T[];
}

interface Reservoir<T> {
  capacity: number;
  random: () => number;
  items: Array<{ index: number; item: T }>;
}

/** Draws `capacity` items uniformly without replacement from a stream, for each reservoir. */
async function fillReservoirs<T>(
  items: AsyncIterable<T> | Iterable<T>,
  reservoirs: Reservoir<T>[],
): Promise<number> {
  let index = 0;
  for await (const item of items) {
    for (const reservoir of reservoirs) {
      if (reservoir.items.length < reservoir.capacity) {
        reservoir.items.push({ index, item });
      } else {
        // Algorithm R: keep the new item with probability capacity / (index + 1).
        const slot = Math.floor(reservoir.random() * (index + 1));
        if (slot < reservoir.capacity) reservoir.items[slot] = { index, item };
      }
    }
    index += 1;
  }
  return index;
}

/**
 * Draws every (size, sample) subset in one pass over `train` and one over `dev`.
 *
 * @example
 * const subsets = await sampleLowData(trainPairs, devPairs, { sizes: [50], samples: 5 });
 * subsets[0].train.length; // 50
 */
export async function sampleLowData<T>(
  train: AsyncIterable<T> | Iterable<T>,
  dev: AsyncIterable<T> | Iterable<T>,
  options: LowDataOptions = {},
): Promise<LowDataSubset<T>[]> {
  const sizes = options.sizes ?? [50, 100, 200, 500];
  const samples = options.samples ?? 5;
  const seed = options.seed ?? 101;
  const devFraction = options.devFraction ?? 0.3;
  if (!(devFraction >= 0 && devFraction <= 1)) {
    throw new DatasetOptionError('devFraction', 'a number in [0, 1]', String(devFraction));
  }
  const plans = sizes.flatMap((size) => {
    if (!Number.isInteger(size) || size < 1) {
      throw new DatasetOptionError('sizes', 'positive integers', String(size));
    }
    return Array.from({ length: samples }, (_, sample) => ({
      size,
      sample,
      seed: mixSeed(seed, size, sample),
    }));
  });
  const trainReservoirs = plans.map((plan) => ({
    capacity: plan.size,
    random: seededRandom(plan.seed),
    items: [] as Array<{ index: number; item: T }>,
  }));
  const devReservoirs = plans.map((plan) => ({
    capacity: Math.round(plan.size * devFraction),
    random: seededRandom(mixSeed(plan.seed, 1)),
    items: [] as Array<{ index: number; item: T }>,
  }));
  const trainCount = await fillReservoirs(train, trainReservoirs);
  const devCount = await fillReservoirs(dev, devReservoirs);
  const largest = sizes.reduce((most, size) => Math.max(most, size), -Infinity);
  if (largest > trainCount) {
    throw new DatasetOptionError(
      'sizes',
      `at most ${trainCount} (the training set)`,
      String(largest),
    );
  }
  const largestDev = Math.round(largest * devFraction);
  if (largestDev > devCount) {
    throw new DatasetOptionError(
      'devFraction',
      `at most ${devCount} dev items`,
      String(largestDev),
    );
  }
  const inOrder = (reservoir: Reservoir<T>) =>
    reservoir.items.sort((a, b) => a.index - b.index).map((entry) => entry.item);
  return plans.map((plan, position) => ({
    ...plan,
    train: inOrder(trainReservoirs[position]!),
    dev: inOrder(devReservoirs[position]!),
  }));
}

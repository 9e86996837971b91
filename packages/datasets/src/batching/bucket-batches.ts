// Groups tokenised examples into padded batches of similar length (length bucketing): read a
// pool of `batchSize x poolBatches` examples, sort it by length, cut it into batches, and
// (optionally, seeded) shuffle the batch order within the pool. Only one pool is in memory, so
// a large set streams through. Padding: pad id in inputIds, -100 in labels, 0 in attentionMask.
import { DatasetOptionError } from '../errors';
import { seededRandom } from '../subsets/seeded-random';
import { gpt2EndOfTextId, ignoreLabel, type TokenizedExample } from './tokenize-example';

export interface Batch {
  batchSize: number;
  sequenceLength: number;
  /** (batchSize, sequenceLength) row-major. */
  inputIds: Int32Array;
  /** (batchSize, sequenceLength); -100 where the loss ignores a position. */
  labels: Int32Array;
  /** (batchSize, sequenceLength); 1 on real tokens, 0 on padding. */
  attentionMask: Uint8Array;
  /** Unpadded length of each row. */
  lengths: number[];
}

export interface BucketOptions {
  batchSize: number;
  /** Batches per sorting pool (default 50); 1 gives no bucketing beyond the batch itself. */
  poolBatches?: number;
  /** Id written into padded input positions (default 50256; masked out by attentionMask). */
  padTokenId?: number;
  /** Shuffle batches within each pool with this seed; omitted: keep length order. */
  shuffleSeed?: number;
}

/**
 * Streams padded, length-bucketed batches. The last batch may be smaller.
 *
 * @example
 * for await (const batch of bucketBatches(tokenizeExamples(encoder, pairs), { batchSize: 10 })) {
 *   batch.inputIds; // Int32Array of batch.batchSize * batch.sequenceLength
 * }
 */
export async function* bucketBatches(
  examples: AsyncIterable<TokenizedExample> | Iterable<TokenizedExample>,
  options: BucketOptions,
): AsyncGenerator<Batch> {
  const { batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new DatasetOptionError('batchSize', 'a positive integer', String(batchSize));
  }
  const poolSize = batchSize * (options.poolBatches ?? 50);
  const random = options.shuffleSeed === undefined ? undefined : seededRandom(options.shuffleSeed);
  let pool: TokenizedExample[] = [];
  for await (const example of examples) {
    pool.push(example);
    if (pool.length === poolSize) {
      yield* batchesOfPool(pool, options, random);
      pool = [];
    }
  }
  if (pool.length > 0) yield* batchesOfPool(pool, options, random);
}

function batchesOfPool(
  pool: TokenizedExample[],
  options: BucketOptions,
  random: (() => number) | undefined,
): Batch[] {
  // Stable sort: equal lengths keep their input order, so results are reproducible.
  const sorted = [...pool].sort((a, b) => a.inputIds.length - b.inputIds.length);
  const batches: Batch[] = [];
  for (let start = 0; start < sorted.length; start += options.batchSize) {
    batches.push(padBatch(sorted.slice(start, start + options.batchSize), options));
  }
  if (random) {
    for (let index = batches.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [batches[index], batches[other]] = [batches[other]!, batches[index]!];
    }
  }
  return batches;
}

/** Pads examples to their longest length. */
export function padBatch(
  examples: readonly TokenizedExample[],
  options: { padTokenId?: number } = {},
): Batch {
  const padTokenId = options.padTokenId ?? gpt2EndOfTextId;
  const lengths = examples.map((example) => example.inputIds.length);
  const sequenceLength = lengths.reduce((longest, length) => Math.max(longest, length), 0);
  const size = examples.length * sequenceLength;
  const inputIds = new Int32Array(size).fill(padTokenId);
  const labels = new Int32Array(size).fill(ignoreLabel);
  const attentionMask = new Uint8Array(size);
  examples.forEach((example, row) => {
    const offset = row * sequenceLength;
    inputIds.set(example.inputIds, offset);
    labels.set(example.labels, offset);
    attentionMask.fill(1, offset, offset + example.inputIds.length);
  });
  return { batchSize: examples.length, sequenceLength, inputIds, labels, attentionMask, lengths };
}

import { describe, expect, it } from 'vitest';
import { decodeTest, testEncoder } from '../../test/test-encoder';
import { DatasetOptionError, ExampleTooLongError } from '../errors';
import { alternativeTemplates, lowDataTemplate } from '../templates';
import { bucketBatches, padBatch } from './bucket-batches';
import {
  encodePrompt,
  tokenizeExamples,
  tokenizeTrainingExample,
  tokenizeTrainingSet,
} from './tokenize-example';

const pair = { source: 'name : Aromi', target: 'Aromi .' };

describe('tokenizeTrainingExample', () => {
  it('masks everything through the first end token; the loss sees the target and final EOS', () => {
    const { inputIds, labels } = tokenizeTrainingExample(testEncoder, pair);
    expect(decodeTest(inputIds)).toBe(' name : Aromi <|endoftext|> Aromi . <|endoftext|>');
    const firstEos = inputIds.indexOf(50256);
    expect(labels.slice(0, firstEos + 1).every((label) => label === -100)).toBe(true);
    expect(decodeTest(labels.slice(firstEos + 1))).toBe(' Aromi . <|endoftext|>');
    expect(encodePrompt(testEncoder, pair.source)).toEqual(inputIds.slice(0, firstEos + 1));
  });

  it('uses the low-data token and truncates to blockSize like the paper', () => {
    const low = tokenizeTrainingExample(testEncoder, pair, { template: lowDataTemplate() });
    expect(decodeTest(low.inputIds).startsWith(' summarize name : Aromi <|endoftext|>')).toBe(true);
    const short = tokenizeTrainingExample(testEncoder, pair, { blockSize: 5 });
    expect(short.inputIds.length).toBe(5);
    expect(short.labels).toEqual([-100, -100, -100, -100, -100]);
  });

  it('masks the prompt tokens for a template without an end token after the prompt', () => {
    const { inputIds, labels } = tokenizeTrainingExample(testEncoder, pair, {
      template: alternativeTemplates.labelled,
    });
    const prompt = 'Data: name : Aromi\nText:';
    expect(decodeTest(inputIds)).toBe(`${prompt} Aromi .<|endoftext|>`);
    expect(labels.filter((label) => label === -100).length).toBe([...prompt].length);
  });

  it('refuses an encoder that does not produce the end-of-text id', () => {
    const plain = { encode: (text: string) => [...text].map((char) => char.charCodeAt(0)) };
    expect(() => tokenizeTrainingExample(plain, pair)).toThrow(DatasetOptionError);
  });
});

describe('tokenizeTrainingSet: examples longer than the context', () => {
  // Character-level test encoder: " a <|endoftext|>" is a 4-token prompt, " b <|endoftext|>" a
  // 4-token target; the long pair's prompt " a b c <|endoftext|>" takes 8, 12 tokens in all.
  const short = { source: 'a', target: 'b' };
  const long = { source: 'a b c', target: 'b' };
  const pairs = [short, long, short];

  it('keeps examples that fit as they are and counts nothing', () => {
    const { examples, report } = tokenizeTrainingSet(testEncoder, pairs, { blockSize: 12 });
    expect(examples).toEqual(pairs.map((p) => tokenizeTrainingExample(testEncoder, p)));
    expect(report).toEqual({ examples: 3, overlong: 0, truncated: 0, dropped: 0, longest: 12 });
  });

  it('truncates (the default) while a target token survives, and counts it', () => {
    const { examples, report } = tokenizeTrainingSet(testEncoder, pairs, { blockSize: 10 });
    expect(report).toEqual({ examples: 3, overlong: 1, truncated: 1, dropped: 0, longest: 12 });
    expect(examples[1]!.inputIds).toHaveLength(10);
    expect(decodeTest(examples[1]!.labels.filter((label) => label !== -100))).toBe(' b');
  });

  it('refuses to truncate an example whose prompt fills the context (it would have no target)', () => {
    const run = () => tokenizeTrainingSet(testEncoder, pairs, { blockSize: 8, label: 'train' });
    expect(run).toThrow(ExampleTooLongError);
    expect(run).toThrow(
      "train, example 2: expected at most 8 tokens (the context left after the method's own positions), got 12; its prompt alone takes 8, so truncating would leave no target token",
    );
  });

  it('drops over-long examples under "drop" and refuses them under "error"', () => {
    const dropped = tokenizeTrainingSet(testEncoder, pairs, { blockSize: 8, overlong: 'drop' });
    expect(dropped.examples).toHaveLength(2);
    expect(dropped.report).toMatchObject({ overlong: 1, truncated: 0, dropped: 1 });
    expect(() =>
      tokenizeTrainingSet(testEncoder, pairs, { blockSize: 11, overlong: 'error', label: 'dev' }),
    ).toThrow(
      /^dev, example 2: expected at most 11 tokens .*got 12; over-long examples are refused/,
    );
  });
});

describe('bucketBatches', () => {
  const lengths = [9, 3, 7, 1, 5, 8, 2];
  const examples = lengths.map((length, index) => ({
    inputIds: Array.from({ length }, () => index + 1),
    labels: Array.from({ length }, (_, position) => (position === 0 ? -100 : index + 1)),
  }));

  it('sorts each pool by length, pads with the pad id, -100 and a zero mask', async () => {
    const batches = [];
    for await (const batch of bucketBatches(examples, {
      batchSize: 2,
      poolBatches: 2,
      padTokenId: 0,
    })) {
      batches.push(batch);
    }
    // Pools of 4: [9,3,7,1] -> [1,3],[7,9]; then [5,8,2] -> [2,5],[8].
    expect(batches.map((batch) => batch.lengths)).toEqual([[1, 3], [7, 9], [2, 5], [8]]);
    const [first] = batches;
    expect(first!.sequenceLength).toBe(3);
    expect([...first!.inputIds]).toEqual([4, 0, 0, 2, 2, 2]);
    expect([...first!.labels]).toEqual([-100, -100, -100, -100, 2, 2]);
    expect([...first!.attentionMask]).toEqual([1, 0, 0, 1, 1, 1]);
  });

  it('shuffles batch order within a pool reproducibly when given a seed', async () => {
    const order = async (seed: number) => {
      const out = [];
      for await (const batch of bucketBatches(examples, {
        batchSize: 1,
        poolBatches: 7,
        shuffleSeed: seed,
      })) {
        out.push(batch.lengths[0]);
      }
      return out;
    };
    const a = await order(7);
    expect(await order(7)).toEqual(a);
    expect([...a].sort((x, y) => x! - y!)).toEqual([1, 2, 3, 5, 7, 8, 9]);
    expect(a).not.toEqual([1, 2, 3, 5, 7, 8, 9]);
  });

  it('streams: only one pool of examples is pulled ahead of the batches', async () => {
    let pulled = 0;
    async function* source() {
      for (let index = 0; index < 1000; index++) {
        pulled += 1;
        yield { inputIds: [1], labels: [1] };
      }
    }
    const iterator = bucketBatches(source(), { batchSize: 4, poolBatches: 3 })[
      Symbol.asyncIterator
    ]();
    await iterator.next();
    expect(pulled).toBe(12);
  });

  it('pads an empty batch list safely and tokenises streamed pairs lazily', async () => {
    expect(padBatch([]).sequenceLength).toBe(0);
    const stream = tokenizeExamples(testEncoder, [pair, pair]);
    const all = [];
    for await (const example of stream) all.push(example);
    expect(all).toHaveLength(2);
  });
});

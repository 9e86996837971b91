// The README's quickstart, run on the shipped E2E sample with the test tokenizer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bucketBatches,
  e2eReferenceGroups,
  e2eTrainingPairs,
  formatPrompt,
  readE2ESplit,
  tokenizeExamples,
} from '../src/index';
import { createFolderSource } from '../src/node';
import { fixturesDir } from './data-location';
import { testEncoder } from './test-encoder';

describe('README quickstart (committed E2E sample)', () => {
  it('builds masked, bucketed training batches and dev groups with the paper prompt', async () => {
    const source = createFolderSource(join(fixturesDir, 'e2e'));
    const pairs = e2eTrainingPairs(readE2ESplit(source, 'train'));
    let rows = 0;
    for await (const batch of bucketBatches(tokenizeExamples(testEncoder, pairs), {
      batchSize: 10,
    })) {
      rows += batch.batchSize;
      expect(batch.inputIds.length).toBe(batch.batchSize * batch.sequenceLength);
      // Every row's loss starts right after its first end token.
      for (let row = 0; row < batch.batchSize; row++) {
        const ids = batch.inputIds.subarray(
          row * batch.sequenceLength,
          (row + 1) * batch.sequenceLength,
        );
        const labels = batch.labels.subarray(
          row * batch.sequenceLength,
          (row + 1) * batch.sequenceLength,
        );
        const firstEos = ids.indexOf(50256);
        expect(labels[firstEos]).toBe(-100);
        expect(labels[firstEos + 1]).toBe(ids[firstEos + 1]);
      }
    }
    expect(rows).toBe(202);
    const groups = await e2eReferenceGroups(readE2ESplit(source, 'dev'));
    expect(groups).toHaveLength(50);
    expect(formatPrompt(groups[0]!.source)).toBe(
      ' name : Alimentum | area : city centre | family friendly : no <|endoftext|>',
    );
  });
});

import { paperDecoding } from '@prefixkit/datasets';
import { beforeAll, describe, expect, test } from 'vitest';
import { greedyTokens, loadNodeReference, type NodeReference } from '../../test/node-reference';
import { e2ePrompt } from './e2e-prompt';
import { mixedPrefixGreedy } from './mixed-prefix-greedy';

const source = 'name : The Eagle | Type : coffee shop | area : riverside';

describe('mixedPrefixGreedy (CPU backend)', () => {
  let reference: NodeReference;
  beforeAll(async () => {
    reference = await loadNodeReference();
  });

  test('each row of a mixed batch equals greedy generate() with that prefix alone', async () => {
    const maxNewTokens = 8;
    const rows = await mixedPrefixGreedy(
      reference.model,
      e2ePrompt(reference.tokenizer, source),
      [null, reference.shipped, null],
      { maxNewTokens, ...paperDecoding(maxNewTokens) },
    );
    const plain = await greedyTokens(reference, null, source, maxNewTokens);
    const tuned = await greedyTokens(reference, reference.shipped, source, maxNewTokens);
    expect(plain).not.toEqual(tuned);
    expect(rows).toEqual([plain, tuned, plain]);
  });
});

// Packing documents into blocks and taking the held-out slice.

import { TrainerError } from '@prefixkit/peft';
import { describe, expect, it } from 'vitest';
import { countTokens, packBlocks, splitHeldOut } from './pack-blocks';

describe('packBlocks', () => {
  it('puts <|endoftext|> before every document and cuts full blocks only', () => {
    const blocks = packBlocks([[1, 2, 3], [4], [5, 6]], { blockSize: 3, endOfTextId: 9 });
    // stream: 9 1 2 | 3 9 4 | 9 5 6
    expect(blocks.map((b) => b.inputIds)).toEqual([
      [9, 1, 2],
      [3, 9, 4],
      [9, 5, 6],
    ]);
    expect(blocks.every((b) => b.labels.join() === b.inputIds.join())).toBe(true);
    expect(countTokens(blocks)).toBe(9);
    expect(packBlocks([[1, 2, 3, 4]], { blockSize: 4, endOfTextId: 9 })).toHaveLength(1);
  });

  it('rejects a block size under 2', () => {
    expect(() => packBlocks([[1]], { blockSize: 1, endOfTextId: 0 })).toThrow(TrainerError);
  });

  it('holds out every n-th document', () => {
    expect(splitHeldOut(['a', 'b', 'c', 'd', 'e'], 2)).toEqual({
      train: ['b', 'd'],
      heldOut: ['a', 'c', 'e'],
    });
    expect(() => splitHeldOut(['a'], 1)).toThrow(TrainerError);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownTable, type TableCase } from './markdown-table';

describe('markdownTable', () => {
  it('writes one row per case with both medians, the ratio, the target and notes', () => {
    const cases: TableCase[] = [
      {
        name: 'tiny-greedy-b1',
        kind: 'decode',
        target: 1,
        ratio: 0.5,
        sameTokens: true,
        prefixkit: { msPerStep: 20, tokensPerSecond: 50 },
        pytorch: { msPerStep: 10, tokensPerSecond: 100 },
      },
      {
        name: 'small-mixed-prefix-b8x128',
        kind: 'mixed',
        target: 1,
        mixedTarget: 0.9,
        ratio: null,
        prefixkit: { error: { code: 'SHAPE', message: 'a | b' } },
        pytorch: { msPerStep: 12_300, tokensPerSecond: 83.3, mixedToSingle: 0.97 },
      },
    ];
    const lines = markdownTable(cases).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      '| `tiny-greedy-b1` | 20 ms/step (50 tok/s) | 10 ms/step (100 tok/s) | 0.5x | >= 1x | same tokens |',
    );
    expect(lines[3]).toBe(
      '| `small-mixed-prefix-b8x128` | error `SHAPE` | 12.3 s/forward (83.3 tok/s) | - | >= 1x | PyTorch mixed/single 0.97; target mixed/single >= 0.9; SHAPE: a \\| b |',
    );
  });
});

// The case list: unique names, and targets only for suites a case runs in (the engine's
// targets: lavapipe decoding of prefixkit-tiny >= 0.3x PyTorch CPU; GPU training and greedy
// decoding >= 0.5x PyTorch CUDA).
import { describe, expect, it } from 'vitest';
import { compareCases } from './cases';

describe('compare cases', () => {
  it('have unique names and targets only for their own suites', () => {
    expect(new Set(compareCases.map((c) => c.name)).size).toBe(compareCases.length);
    for (const compareCase of compareCases)
      for (const suite of Object.keys(compareCase.target))
        expect(compareCase.suites, compareCase.name).toContain(suite);
  });
  it('carry the lavapipe decoding and GPU training targets', () => {
    const byName = new Map(compareCases.map((c) => [c.name, c]));
    expect(byName.get('tiny-beam5-b1')!.target).toEqual({ lavapipe: 0.3 });
    expect(byName.get('tiny-greedy-b1')!.target).toEqual({ lavapipe: 0.3, gpu: 0.5 });
    expect(byName.get('small-prefix-train-b8x128')!.target).toEqual({ gpu: 0.5 });
  });
});

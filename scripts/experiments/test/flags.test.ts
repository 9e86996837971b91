import { describe, expect, it } from 'vitest';
import { shellQuote, toArguments } from '../src/plan/flags';

describe('toArguments', () => {
  it('spells camelCase keys as flags, objects as JSON, booleans as bare or --no- flags', () => {
    expect(
      toArguments({
        maxSteps: 10,
        methodOptions: { parameterFraction: 0.001 },
        subsets: true,
        shippedPrefix: false,
        learningRate: 3e-4,
      }),
    ).toEqual([
      '--max-steps',
      '10',
      '--method-options',
      '{"parameterFraction":0.001}',
      '--subsets',
      '--no-shipped-prefix',
      '--learning-rate',
      '0.0003',
    ]);
  });

  it('merges layers left to right, so every flag appears once', () => {
    expect(toArguments({ maxSteps: 1000, seed: 101 }, undefined, { maxSteps: 300 })).toEqual([
      '--max-steps',
      '300',
      '--seed',
      '101',
    ]);
  });
});

describe('shellQuote', () => {
  it('quotes what a shell would split or expand, and nothing else', () => {
    expect(shellQuote(['train', '--output', '/tmp/a-b/c.txt', '--method-options', '{"r":4}'])).toBe(
      `train --output /tmp/a-b/c.txt --method-options '{"r":4}'`,
    );
    expect(shellQuote(["it's"])).toBe(`'it'\\''s'`);
  });
});

import os from 'node:os';
import { PrefixkitError } from '@prefixkit/errors';
import { describe, expect, it } from 'vitest';
import { compareCases } from './cases';
import { parseCompareOptions } from './compare-options';

const names = (argv: string[]) => parseCompareOptions(argv).cases.map((c) => c.name);

function errorOf(argv: string[]): PrefixkitError {
  try {
    parseCompareOptions(argv);
  } catch (error) {
    if (PrefixkitError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('compare cases', () => {
  it('have unique names and each belongs to a suite', () => {
    const all = compareCases.map((c) => c.name);
    expect(new Set(all).size).toBe(all.length);
    for (const compareCase of compareCases) expect(compareCase.suites.length).toBeGreaterThan(0);
  });
});

describe('parseCompareOptions', () => {
  it('runs lavapipe by default: PyTorch on the CPU, the vocab-8192 step, no medium model', () => {
    const options = parseCompareOptions([]);
    expect(options.suite).toBe('lavapipe');
    expect(options.torchDevice).toBe('cpu');
    expect(options.bf16).toBe(false);
    expect(options.torchThreads).toBe(os.cpus().length);
    expect(names([])).toContain('small-prefix-train-b8x128-v8192');
    expect(names([])).not.toContain('medium-prefix-train-b8x128');
  });

  it('runs the gpu suite against CUDA with bf16 autocast for the record', () => {
    const options = parseCompareOptions(['--suite', 'gpu']);
    expect(options.torchDevice).toBe('cuda');
    expect(options.bf16).toBe(true);
    expect(names(['--suite', 'gpu'])).toContain('medium-prefix-train-b8x128');
    expect(names(['--suite', 'gpu'])).not.toContain('small-prefix-train-b8x128-v8192');
  });

  it('keeps the order of --only', () => {
    expect(names(['--only', 'tiny-beam5-b1,tiny-greedy-b1'])).toEqual([
      'tiny-beam5-b1',
      'tiny-greedy-b1',
    ]);
  });

  it('names the flag of an unknown case, a case of another suite, or a bad count', () => {
    for (const argv of [
      ['--only', 'tiny-greedy-b2'],
      ['--only', 'medium-prefix-train-b8x128'],
    ]) {
      const error = errorOf(argv);
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('--only');
    }
    expect(errorOf(['--reps', '0']).message).toContain('--reps');
    expect(errorOf(['--warmup', '1.5']).message).toContain('--warmup');
    expect(errorOf(['--warmup', '0']).message).toContain('--warmup');
    expect(errorOf(['--suite', 'cpu']).message).toMatch(/--suite.*lavapipe, gpu/);
    expect(errorOf(['--torch-device', 'mps']).message).toContain('--torch-device');
    expect(errorOf(['--torch-threads', '0']).message).toContain('--torch-threads');
  });
});

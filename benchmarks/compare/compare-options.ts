// The comparison command's flags, checked: an unknown suite or case name, or a repetition count
// that is not a positive integer, is a ConfigValidationError naming the flag.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigValidationError } from '@prefixkit/errors';
import { type CompareCase, compareCases, SUITES, type Suite } from './cases';

export interface CompareOptions {
  readonly suite: Suite;
  readonly cases: readonly CompareCase[];
  /** Timed repetitions per side; the median is reported. */
  readonly reps: number;
  /** Untimed runs first (pipelines, caches, allocator); at least one, since a decoding step is
   * the difference of two timed runs and a cold first run would distort it. */
  readonly warmup: number;
  /** Where the JSON document goes (written atomically); none: only stdout with `json`. */
  readonly out: string | undefined;
  /** Print the JSON document on stdout (progress always goes to stderr). */
  readonly json: boolean;
  readonly python: string;
  readonly torchScript: string | undefined;
  readonly torchDevice: 'cpu' | 'cuda';
  /** PyTorch's CPU threads: every core unless told (lavapipe uses every core too). */
  readonly torchThreads: number;
  /** Also time PyTorch under bf16 autocast, for the record (never in the ratio). */
  readonly bf16: boolean;
  /** Fail unless the WebGPU adapter's vendor is this (`nvidia` on a lent GPU). */
  readonly expectVendor: string | undefined;
}

function count(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new ConfigValidationError(`expected an integer >= ${minimum}, got '${text}'`, {
      field: `--${flag}`,
    });
  return value;
}

function oneOf<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text))
    throw new ConfigValidationError(`expected one of ${choices.join(', ')}, got '${text}'`, {
      field: `--${flag}`,
    });
  return text as T;
}

/** The suite's cases, or the named ones (each must exist and belong to the suite). */
function selectCases(suite: Suite, only: string | undefined): CompareCase[] {
  const inSuite = compareCases.filter((candidate) => candidate.suites.includes(suite));
  if (only === undefined) return inSuite;
  return only.split(',').map((name) => {
    const found = inSuite.find((candidate) => candidate.name === name.trim());
    if (!found)
      throw new ConfigValidationError(
        `no case '${name}' in suite ${suite}; expected one of ${inSuite.map((c) => c.name).join(', ')}`,
        { field: '--only' },
      );
    return found;
  });
}

export function parseCompareOptions(argv: readonly string[]): CompareOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      suite: { type: 'string', default: 'lavapipe' },
      only: { type: 'string' },
      reps: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      python: { type: 'string' },
      'torch-script': { type: 'string' },
      'torch-device': { type: 'string' },
      'torch-threads': { type: 'string' },
      bf16: { type: 'boolean' },
      'expect-vendor': { type: 'string' },
    },
  });
  const suite = oneOf('suite', values.suite, SUITES);
  const onGpu = suite === 'gpu';
  return {
    suite,
    cases: selectCases(suite, values.only),
    reps: count('reps', values.reps, 1),
    warmup: count('warmup', values.warmup, 1),
    out: values.out,
    json: values.json,
    python: values.python ?? (onGpu ? 'python3' : '/usr/bin/python3'),
    torchScript: values['torch-script'],
    torchDevice: oneOf('torch-device', values['torch-device'] ?? (onGpu ? 'cuda' : 'cpu'), [
      'cpu',
      'cuda',
    ] as const),
    torchThreads: count('torch-threads', values['torch-threads'] ?? String(os.cpus().length), 1),
    bf16: values.bf16 ?? onGpu,
    expectVendor: values['expect-vendor'],
  };
}

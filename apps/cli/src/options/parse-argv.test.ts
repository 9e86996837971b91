import { describe, expect, it } from 'vitest';
import type { OptionsSchema } from '../command';
import { closest, editDistance } from './closest';
import { parseArgv } from './parse-argv';

const schema: OptionsSchema = {
  type: 'object',
  properties: {
    task: { type: 'string', description: 'task', enum: ['e2e', 'webnlg', 'dart', 'xsum'] },
    hypotheses: { type: 'string', description: 'file', 'x-placeholder': 'FILE' },
    maxNewTokens: { type: 'integer', description: 'n', minimum: 1, maximum: 100_000 },
    seed: { type: 'integer', description: 's' },
    bannedTokenIds: {
      type: 'array',
      description: 'ids',
      items: { type: 'integer', minimum: 0, maximum: 999_999 },
    },
    learningRate: { type: 'number', description: 'lr' },
    metrics: {
      type: 'array',
      description: 'm',
      items: { type: 'string', enum: ['bleu', 'nist', 'ter'] },
    },
    lowercase: { type: 'boolean', description: 'b' },
    path: { type: 'string', description: 'p' },
    help: { type: 'boolean', description: 'h' },
  },
  additionalProperties: false,
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
}

describe('parseArgv', () => {
  it('reads --key=value, --key value, booleans, negations, kebab and camel spellings', () => {
    const { values } = parseArgv(
      [
        '--task=e2e',
        '--hypotheses',
        'h.txt',
        '--max-new-tokens',
        '7',
        '--learningRate=5e-5',
        '--lowercase',
      ],
      schema,
    );
    expect(values).toEqual({
      task: 'e2e',
      hypotheses: 'h.txt',
      maxNewTokens: 7,
      learningRate: 5e-5,
      lowercase: true,
    });
    expect(parseArgv(['--no-lowercase'], schema).values).toEqual({ lowercase: false });
    expect(parseArgv(['--lowercase=false'], schema).values).toEqual({ lowercase: false });
  });

  it('accumulates list options over commas and repeats', () => {
    expect(parseArgv(['--metrics', 'bleu,nist', '--metrics=ter'], schema).values.metrics).toEqual([
      'bleu',
      'nist',
      'ter',
    ]);
  });

  it('fills the positional option, takes negative numbers as values, and honours --', () => {
    expect(parseArgv(['run/x', '--learning-rate', '-1'], schema, 'path').values).toEqual({
      path: 'run/x',
      learningRate: -1,
    });
    expect(parseArgv(['--', '--odd-name'], schema, 'path').values).toEqual({ path: '--odd-name' });
    expect(codeOf(() => parseArgv(['a', 'b'], schema, 'path'))).toBe('CLI_UNEXPECTED_ARGUMENT');
    expect(codeOf(() => parseArgv(['a'], schema))).toBe('CLI_UNEXPECTED_ARGUMENT');
  });

  it('names unknown flags and suggests the closest one', () => {
    expect(() => parseArgv(['--tsak', 'e2e'], schema)).toThrow(
      /unknown option --tsak\. Did you mean --task\?/,
    );
    expect(() => parseArgv(['--max-new-token=3'], schema)).toThrow(
      /Did you mean --max-new-tokens\?/,
    );
    expect(() => parseArgv(['--zzzzzzzz'], schema)).toThrow(
      /unknown option --zzzzzzzz\. Run with --help/,
    );
    expect(codeOf(() => parseArgv(['-x'], schema))).toBe('CLI_UNKNOWN_OPTION');
    expect(codeOf(() => parseArgv(['--no-task'], schema))).toBe('CLI_UNKNOWN_OPTION');
  });

  it('accepts only safe integers: beyond 2^53 a value is no longer the integer typed', () => {
    expect(parseArgv(['--seed', '9007199254740991'], schema).values.seed).toBe(2 ** 53 - 1);
    for (const raw of ['9007199254740992', '1e300', '-9007199254740992']) {
      expect(() => parseArgv(['--seed', raw], schema)).toThrow(
        `--seed: expected an integer, got '${raw}'`,
      );
    }
    expect(() => parseArgv(['--banned-token-ids', '198,1e300'], schema)).toThrow(
      "--banned-token-ids: expected a comma-separated list of integers from 0 to 999999, got '198,1e300'",
    );
    expect(() => parseArgv(['--banned-token-ids', '198,1000000'], schema)).toThrow(
      'from 0 to 999999',
    );
  });

  it('type-checks values against the schema, naming flag, expectation and value', () => {
    expect(() => parseArgv(['--max-new-tokens', '2.5'], schema)).toThrow(
      "--max-new-tokens: expected an integer from 1 to 100000, got '2.5'",
    );
    expect(() => parseArgv(['--max-new-tokens', '0'], schema)).toThrow(
      "--max-new-tokens: expected an integer from 1 to 100000, got '0'",
    );
    expect(() => parseArgv(['--max-new-tokens', '100001'], schema)).toThrow(
      "--max-new-tokens: expected an integer from 1 to 100000, got '100001'",
    );
    expect(() => parseArgv(['--learning-rate', 'fast'], schema)).toThrow(
      "--learning-rate: expected a number, got 'fast'",
    );
    expect(() => parseArgv(['--lowercase=maybe'], schema)).toThrow(
      "--lowercase: expected true or false, got 'maybe'",
    );
    expect(() => parseArgv(['--task', 'e2f'], schema)).toThrow(
      "--task: expected one of e2e, webnlg, dart, xsum, got 'e2f' (did you mean 'e2e'?)",
    );
    expect(() => parseArgv(['--metrics', 'bleu,meteor'], schema)).toThrow(
      /--metrics: expected one of bleu, nist, ter, got 'meteor'/,
    );
    expect(() => parseArgv(['--hypotheses'], schema)).toThrow(
      '--hypotheses: missing value; write --hypotheses FILE',
    );
    expect(() => parseArgv(['--hypotheses', '--task=e2e'], schema)).toThrow(/missing value/);
  });
});

describe('closest', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('tsak', 'task')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only plausible candidates', () => {
    expect(closest('doctr', ['doctor', 'evaluate', 'inspect'])).toBe('doctor');
    expect(closest('eval', ['doctor', 'evaluate', 'inspect'])).toBe('evaluate');
    expect(closest('train', ['doctor', 'evaluate', 'inspect'])).toBeUndefined();
  });
});

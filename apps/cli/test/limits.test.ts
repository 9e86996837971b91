// Every size a user controls is checked up front, on the real binary: option ranges (and safe
// integers), a config.json far larger than its weights, prompt + new tokens beyond the model's
// positions, a word of 2 MB, and paths that are not regular files (a FIFO would block a read
// forever). Each case must end at once with its typed error and exit code, before any real work.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrefixkit } from './run-cli';
import { writeTinyGpt2 } from './tiny-gpt2';

let root: string;
let model: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'prefixkit-limits-'));
  model = await writeTinyGpt2(); // 64 positions
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(model, { recursive: true, force: true });
});

/** A copy of the tiny model whose config.json is changed by `edit`. */
function modelWithConfig(name: string, edit: (config: Record<string, unknown>) => void): string {
  const folder = join(root, name);
  mkdirSync(folder);
  copyFileSync(join(model, 'model.safetensors'), join(folder, 'model.safetensors'));
  const config = JSON.parse(readFileSync(join(model, 'config.json'), 'utf8'));
  edit(config);
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config));
  return folder;
}

const generate = (...args: string[]) =>
  runPrefixkit(['generate', '--model', model, '--backend', 'cpu', ...args]);

describe('limits of prefixkit', () => {
  it('refuses option values outside their range or beyond safe integers (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['--num-beams', '100000'], "--num-beams: expected an integer from 1 to 64, got '100000'"],
      [['--max-new-tokens', '1e300'], '--max-new-tokens: expected an integer from 1 to 100000'],
      [['--seed', '9007199254740993'], '--seed: expected an integer from 0 to 4294967295'],
      [['--batch-size', '5000'], "--batch-size: expected an integer from 1 to 1024, got '5000'"],
      [['--banned-token-ids', '198,1e300'], 'list of integers from 0 to 999999'],
    ];
    const [train, ...runs] = await Promise.all([
      runPrefixkit(['train', '--task', 'jsonl', '--epochs', '1e300']),
      ...cases.map(([flags]) => generate('--input', 'x', ...flags)),
    ]);
    runs.forEach((run, index) => {
      expect(run!.code, run!.stderr).toBe(2);
      expect(run!.stderr).toContain(cases[index]![1]);
    });
    expect(train.code).toBe(2);
    expect(train.stderr).toContain("--epochs: expected an integer from 1 to 10000, got '1e300'");
  });

  it('refuses a config.json larger than its weights before allocating anything', async () => {
    const huge = modelWithConfig('huge', (config) => {
      config.n_layer = 1_000_000_000;
    });
    const run = await generate('--model', huge, '--input', 'x');
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/config\.json, field \/n_layer: must be <= 1024, got 1000000000/);
    const deep = modelWithConfig('deep', (config) => {
      config.n_layer = 1024;
    });
    const mismatch = await generate('--model', deep, '--input', 'x');
    expect(mismatch.code, mismatch.stderr).toBe(5);
    expect(mismatch.stderr).toMatch(
      /model\.safetensors, tensor transformer\.h\.1\.ln_1\.weight: missing from the checkpoint \(and 12275 more\)/,
    );
  });

  it('refuses prompt + new tokens beyond n_positions before decoding (exit 2)', async () => {
    const run = await generate('--input', 'x', '--num-beams', '1', '--max-new-tokens', '100');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /generate: option maxNewTokens: expected at most \d+: prompt row 0 has \d+ tokens, and the model has n_positions 64, got 100/,
    );
  });

  it('tokenizes a single 2 MB word, then refuses the prompt as too long for the model', async () => {
    const inputs = join(root, 'long-word.txt');
    writeFileSync(inputs, `${'a'.repeat(2_000_000)}\n`);
    const run = await generate('--inputs', inputs, '--max-new-tokens', '1', '--num-beams', '1');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /expected a prompt that fits the model: prompt row 0 has 50000\d tokens/,
    );
  });

  it('refuses FIFOs and folders where it reads files, at once (exit 4)', async () => {
    const piped = join(root, 'piped-model');
    mkdirSync(piped);
    copyFileSync(join(model, 'config.json'), join(piped, 'config.json'));
    execFileSync('mkfifo', [join(piped, 'model.safetensors')]);
    const weights = await generate('--model', piped, '--input', 'x');
    expect(weights.code, weights.stderr).toBe(4);
    expect(weights.stderr).toContain(
      'model.safetensors: is a named pipe (FIFO), not a regular file',
    );

    const fifo = join(root, 'hypotheses.fifo');
    execFileSync('mkfifo', [fifo]);
    const references = join(root, 'refs.txt');
    writeFileSync(references, 'a cat\n');
    const evaluate = await runPrefixkit([
      'evaluate',
      '--task',
      'xsum',
      '--hypotheses',
      fifo,
      '--references',
      references,
    ]);
    expect(evaluate.code, evaluate.stderr).toBe(4);
    expect(evaluate.stderr).toContain('hypotheses.fifo: is a named pipe (FIFO)');
    const inputs = await generate('--inputs', root);
    expect(inputs.code, inputs.stderr).toBe(4);
    expect(inputs.stderr).toContain('is a folder, not a regular file');
  });

  it('scores a 20,000-word hypothesis line with every E2E metric', async () => {
    const words = ['the', 'pub', 'near', 'is', 'a', 'cheap', 'family', 'restaurant'];
    const line = Array.from(
      { length: 20_000 },
      (_, index) => words[(index % 7) ^ ((index >> 4) % 8)],
    );
    const hypotheses = join(root, 'long-line.txt');
    writeFileSync(hypotheses, `${line.join(' ')}\n`);
    const references = join(root, 'e2e-refs.csv');
    writeFileSync(
      references,
      'mr,ref\n"name[Aromi]","Aromi is a cheap family pub near the centre."\n',
    );
    const run = await runPrefixkit([
      'evaluate',
      '--task',
      'e2e',
      '--hypotheses',
      hypotheses,
      '--references',
      references,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const scores = (JSON.parse(run.stdout).result as { scores: Record<string, { score: number }> })
      .scores;
    expect(Object.keys(scores)).toEqual(['bleu', 'nist', 'meteor', 'rouge-l', 'cider']);
    expect(scores.meteor!.score).toBeGreaterThan(0);
  });
});

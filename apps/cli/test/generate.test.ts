// `prefixkit generate` through the real binary on a 1-layer random GPT-2 with a prefix trained
// in-process: one line per input in order, the paper's defaults, and --json's token ids and
// log-probabilities, checked against the beam scores generate() itself reports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runInProcess, runPrefixkit } from './run-cli';
import { tinyPairs, writeJsonl, writeTinyGpt2 } from './tiny-gpt2';

let model: string;
let root: string;
let adapter: string;

/** `prefixkit train` for two steps on the tiny model and the JSONL pairs, into `output`. */
function trainTiny(output: string, methodArgs: string[]) {
  return runInProcess([
    'train',
    '--task',
    'jsonl',
    '--data',
    join(root, 'pairs.jsonl'),
    '--model',
    model,
    '--backend',
    'cpu',
    '--max-steps',
    '2',
    '--batch-size',
    '3',
    '--learning-rate',
    '0.05',
    ...methodArgs,
    '--output',
    output,
  ]);
}

beforeAll(async () => {
  model = await writeTinyGpt2(5);
  root = mkdtempSync(join(tmpdir(), 'prefixkit-generate-'));
  writeJsonl(root, 'pairs.jsonl');
  const trained = await trainTiny(join(root, 'run'), [
    '--prefix-length',
    '2',
    '--method-options',
    '{"midDim":4}',
  ]);
  expect(trained.code, trained.stderr).toBe(0);
  adapter = join(root, 'run', 'final');
});

type Output = {
  index: number;
  input: string;
  prompt: string;
  promptIds: number[];
  generatedIds: number[];
  tokenLogprobs: number[];
  text: string;
  finishReason: string;
  score?: number;
};

describe.concurrent('prefixkit generate', () => {
  it('writes one output per input, in order; --json carries ids and log-probabilities', async () => {
    const inputs = join(root, 'inputs.txt');
    writeFileSync(
      inputs,
      `${tinyPairs
        .slice(0, 3)
        .map((pair) => pair.source)
        .join('\n')}\n`,
    );
    const run = await runPrefixkit([
      'generate',
      '--model',
      model,
      '--adapter',
      adapter,
      '--inputs',
      inputs,
      '--backend',
      'cpu',
      '--max-new-tokens',
      '6',
      '--batch-size',
      '2',
      '--json',
      '--output',
      join(root, 'out.txt'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = parseJsonOutput(run).result as {
      method: string;
      decoding: Record<string, unknown>;
      outputs: Output[];
    };
    expect(result.method).toBe('prefix-flat');
    expect(result.decoding).toMatchObject({
      numBeams: 5,
      minLength: 5,
      bannedTokenIds: [198, 628],
      lengthPenalty: 1,
    });
    expect(result.outputs.map((o) => o.input)).toEqual(
      tinyPairs.slice(0, 3).map((pair) => pair.source),
    );
    const lines = readFileSync(join(root, 'out.txt'), 'utf8').split('\n');
    expect(lines).toEqual([...result.outputs.map((o) => o.text), '']);
    for (const output of result.outputs) {
      expect(output.prompt).toBe(` ${output.input} <|endoftext|>`);
      expect(output.promptIds.at(-1)).toBe(50256);
      expect(output.generatedIds).toHaveLength(6); // a random model never ends early
      expect(output.generatedIds.some((id) => id === 198 || id === 628)).toBe(false);
      expect(output.tokenLogprobs).toHaveLength(6);
      // The beam score is sum(logp) / (prompt + output length): the teacher-forced forward pass
      // with the prefix must reproduce what beam search accumulated step by step.
      const sum = output.tokenLogprobs.reduce((a, b) => a + b, 0);
      expect(sum / (output.promptIds.length + 6)).toBeCloseTo(output.score!, 5);
    }
  });

  it('--every K decodes every K-th input, then --max-inputs N the first N of those', async () => {
    const inputs = join(root, 'five-inputs.txt');
    const sources = tinyPairs.slice(0, 5).map((pair) => pair.source);
    expect(new Set(sources).size).toBe(5);
    writeFileSync(inputs, `${sources.join('\n')}\n`);
    const args = ['generate', '--model', model, '--inputs', inputs, '--backend', 'cpu'];
    const decoding = [
      '--num-beams',
      '1',
      '--max-new-tokens',
      '2',
      '--min-new-tokens',
      '2',
      '--json',
    ];
    const every = await runInProcess([...args, '--every', '2', ...decoding]);
    const cut = await runInProcess([...args, '--every', '2', '--max-inputs', '2', ...decoding]);
    for (const run of [every, cut]) expect(run.code, run.stderr).toBe(0);
    const inputsOf = (run: typeof every) =>
      (parseJsonOutput(run).result as { outputs: Output[] }).outputs.map((o) => o.input);
    expect(inputsOf(every)).toEqual([sources[0], sources[2], sources[4]]);
    expect(inputsOf(cut)).toEqual([sources[0], sources[2]]);
  });

  it('greedy decoding of one --input prints the line on stdout; the prefix changes the output', async () => {
    const args = [
      'generate',
      '--model',
      model,
      '--input',
      tinyPairs[0]!.source,
      '--backend',
      'cpu',
      '--num-beams',
      '1',
      '--max-new-tokens',
      '4',
      '--banned-token-ids',
      '',
    ];
    const plain = await runPrefixkit(args);
    const tuned = await runPrefixkit([...args, '--adapter', adapter, '--json']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.split('\n')).toHaveLength(2);
    expect(plain.stderr).toMatch(/generated 1 output with .* on cpu in/);
    const tunedResult = parseJsonOutput(tuned).result as {
      decoding: { bannedTokenIds: number[] };
      outputs: Output[];
    };
    expect(tunedResult.decoding.bannedTokenIds).toEqual([]);
    const output = tunedResult.outputs[0]!;
    expect(output.finishReason).toBe('length');
    // Greedy picks the argmax, whose log-probability can never be below log(1/V).
    for (const logprob of output.tokenLogprobs)
      expect(logprob).toBeGreaterThan(Math.log(1 / 50257) - 1e-6);
    expect(output.text).not.toBe(plain.stdout.trim());
  });

  it('generates with an infix (source, infix slots, then the output) as its forward scores it', async () => {
    const run = join(root, 'infix-run');
    const trained = await trainTiny(run, [
      '--method',
      'infix',
      '--method-options',
      '{"infixLength":2,"midDim":4}',
    ]);
    expect(trained.code, trained.stderr).toBe(0);
    const generated = await runPrefixkit([
      'generate',
      '--model',
      model,
      '--adapter',
      join(run, 'final'),
      '--input',
      tinyPairs[1]!.source,
      '--backend',
      'cpu',
      '--max-new-tokens',
      '5',
      '--json',
    ]);
    expect(generated.code, generated.stderr).toBe(0);
    const result = parseJsonOutput(generated).result as { method: string; outputs: Output[] };
    expect(result.method).toBe('infix');
    const output = result.outputs[0]!;
    expect(output.generatedIds).toHaveLength(5);
    // Beam search accumulated what the infix forward (source, infix, output) gives token by token.
    const sum = output.tokenLogprobs.reduce((a, b) => a + b, 0);
    expect(sum / (output.promptIds.length + 5)).toBeCloseTo(output.score!, 5);
  }, 150_000);

  it('rejects missing or double inputs (exit 2) and a missing adapter folder (exit 4)', async () => {
    const none = await runInProcess(['generate', '--model', model, '--backend', 'cpu']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give exactly one of --input TEXT, --inputs FILE or --task NAME');
    const missing = await runInProcess([
      'generate',
      '--model',
      model,
      '--backend',
      'cpu',
      '--input',
      'x',
      '--adapter',
      join(root, 'nope'),
    ]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/nope\/adapter_config\.json: not found/);
    const badIds = await runInProcess(['generate', '--input', 'x', '--banned-token-ids', '198,x']);
    expect(badIds.code).toBe(2);
    // generate()'s own schema bounds the flags: one limit, one message.
    const beams = await runInProcess(['generate', '--input', 'x', '--num-beams', '65']);
    expect(beams.code).toBe(2);
    expect(beams.stderr).toMatch(/--num-beams.*64/);
  });
});

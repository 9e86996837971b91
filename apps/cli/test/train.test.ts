// `prefixkit train` through the real binary (CPU backend, a 1-layer random GPT-2 with GPT-2's
// vocabulary, a 6-pair JSONL set), plus Ctrl-C and --resume in-process through runCli with an
// injected SIGINT: the interrupted-then-resumed run must end with exactly the weights of an
// uninterrupted one.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperPresets } from '@prefixkit/peft';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';
import { cliDir, parseJsonOutput, runInProcess, runPrefixkit } from './run-cli';
import { tinyTrainArgs, writeJsonl, writeTinyGpt2 } from './tiny-gpt2';

let model: string;
let root: string;
let data: string;

beforeAll(async () => {
  model = await writeTinyGpt2();
  root = mkdtempSync(join(tmpdir(), 'prefixkit-train-'));
  data = writeJsonl(root, 'pairs.jsonl');
});

const common = () => [
  ...tinyTrainArgs(model, { data, batchSize: 2, prefixLength: 3, midDim: 8 }),
  '--dev-data',
  data,
  '--learning-rate',
  '0.01',
];

/** runCli in this process; `interruptAt` fires the SIGINT listener when that step is printed. */
async function trainInProcess(args: string[], interruptAt?: number) {
  const listeners = new Map<string, () => void>();
  let stderr = '';
  let stdout = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
      if (interruptAt !== undefined && text.startsWith(`step ${interruptAt}/`))
        listeners.get('SIGINT')?.();
    },
    env: process.env,
    cwd: cliDir,
    signals: {
      on: (event, listener) => {
        listeners.set(event, listener);
      },
      off: () => {},
      exit: () => {
        throw new Error('exited');
      },
    },
  });
  return { code, stderr, stdout };
}

describe('prefixkit train', () => {
  it('writes a run folder: config, JSONL log, checkpoints, PEFT-layout prefix, SVG curve', async () => {
    const run = join(root, 'run-a');
    const result = await runPrefixkit([...common(), '--max-steps', '4', '--output', run, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = parseJsonOutput(result).result as Record<string, unknown>;
    expect(json).toMatchObject({
      method: 'prefix',
      steps: 4,
      totalSteps: 4,
      stoppedBy: 'completed',
      trainExamples: 6,
      devExamples: 6,
    });
    // midDim 8, P = 3, C = 16, L = 1: wte 3x16 + (16x8 + 8) + (8x32 + 32)
    expect(json.trainableParameters).toBe(3 * 16 + 16 * 8 + 8 + 8 * 32 + 32);
    expect(result.stderr).toMatch(/step 4\/4 \[#+\] loss \d+\.\d{4} +\d+ tok\/s +ETA 0:00/);
    const log = readFileSync(join(run, 'log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(log.filter((r) => r.event === 'step').map((r) => r.step)).toEqual([1, 2, 3, 4]);
    expect(log.filter((r) => r.event === 'eval').map((r) => r.step)).toEqual([0, 4]);
    const config = JSON.parse(readFileSync(join(run, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      format: 'prefixkit-run',
      method: { method: 'prefix', prefixLength: 3, midDim: 8 },
      training: { maxSteps: 4, batchSize: 2, seed: 101 },
    });
    expect(readFileSync(join(run, 'checkpoints', 'latest'), 'utf8').trim()).toBe('step-4');
    const adapter = JSON.parse(readFileSync(join(run, 'final', 'adapter_config.json'), 'utf8'));
    expect(adapter).toMatchObject({ peft_type: 'PREFIX_TUNING', num_virtual_tokens: 3 });
    const svg = readFileSync(join(run, 'loss.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('data-name="train loss"');
    expect(svg).toContain('dev loss (2)');
  });

  it('Ctrl-C checkpoints; --resume continues to exactly the uninterrupted weights', async () => {
    const straight = join(root, 'straight');
    const cut = join(root, 'cut');
    const args = [...common(), '--max-steps', '6'];
    expect((await trainInProcess([...args, '--output', straight])).code).toBe(0);
    const interrupted = await trainInProcess([...args, '--output', cut], 3);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(
      /interrupted at step 3 of 6; checkpoint saved in .*step-3\. Continue with: prefixkit train --output .* --resume \[CLI_INTERRUPTED, exit 130\]/,
    );
    expect(existsSync(join(cut, 'final'))).toBe(false);
    const resumed = await trainInProcess(['train', '--output', cut, '--resume', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).result).toMatchObject({ steps: 6, stoppedBy: 'completed' });
    const weights = (run: string) => readFileSync(join(run, 'final', 'adapter_model.safetensors'));
    expect(weights(cut).equals(weights(straight))).toBe(true);
    const losses = (run: string) =>
      readFileSync(join(run, 'log.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const { tokensPerSecond: _t, ...rest } = JSON.parse(line);
          return rest;
        });
    expect(losses(cut)).toEqual(losses(straight));
  });

  it('trains an adapter, then continues it with --init; the other methods train too', async () => {
    const base = [
      'train',
      '--task',
      'jsonl',
      '--data',
      data,
      '--model',
      model,
      '--backend',
      'cpu',
      '--batch-size',
      '3',
      '--max-steps',
      '1',
    ];
    const adapter = await runPrefixkit([
      ...base,
      '--method',
      'adapter',
      '--method-options',
      '{"bottleneck":2}',
      '--output',
      join(root, 'adapter'),
      '--json',
    ]);
    expect(adapter.code, adapter.stderr).toBe(0);
    expect(parseJsonOutput(adapter).result).toMatchObject({
      method: 'adapter',
      trainableParameters: 2 * (2 * 16 + 2 + 16 * 2 + 16),
    });
    const init = await runInProcess([
      ...base,
      '--init',
      join(root, 'adapter', 'final'),
      '--output',
      join(root, 'adapter-2'),
      '--json',
    ]);
    expect(init.code, init.stderr).toBe(0);
    expect(parseJsonOutput(init).result).toMatchObject({ method: 'adapter', steps: 1 });
    for (const [method, options] of [
      ['lora', '{"r":2}'],
      ['ft-top2', '{}'],
      ['embedding-only', '{"prefixLength":2}'],
      ['infix', '{"infixLength":2,"midDim":4}'],
      ['prefix-flat', '{"prefixLength":2}'],
    ] as const) {
      const run = await runInProcess([
        ...base,
        '--method',
        method,
        '--method-options',
        options,
        '--output',
        join(root, method),
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(join(root, method, 'final', 'adapter_model.safetensors'))).toBe(true);
    }
  });

  it('reports bad method options (exit 3), a bad JSONL line (exit 5), a missing folder (exit 4)', async () => {
    const bad = await runInProcess([
      'train',
      '--task',
      'jsonl',
      '--data',
      data,
      '--model',
      model,
      '--backend',
      'cpu',
      '--method-options',
      '{"midDim":0}',
    ]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(
      /method config .*, field \/midDim: expected a value that must be >= 1, got 0 \[CONFIG_INVALID, exit 3\]/,
    );
    const lines = join(root, 'broken.jsonl');
    writeFileSync(lines, '{"source":"a","target":"b"}\n{"source":"a"}\n');
    const broken = await runInProcess([
      'train',
      '--task',
      'jsonl',
      '--data',
      lines,
      '--model',
      model,
      '--backend',
      'cpu',
    ]);
    expect(broken.code).toBe(5);
    expect(broken.stderr).toContain(`${lines}, line 2, field target: expected a string, got null`);
    const missing = await runInProcess([
      'train',
      '--task',
      'e2e',
      '--data',
      join(root, 'nowhere'),
      '--backend',
      'cpu',
    ]);
    expect(missing.code).toBe(4);
    const lora = await runInProcess([
      'train',
      '--task',
      'jsonl',
      '--data',
      data,
      '--method',
      'lora',
      '--prefix-length',
      '4',
    ]);
    expect(lora.code).toBe(2);
  });

  it("ships presets with the paper's settings (@prefixkit/peft paperPresets)", () => {
    for (const task of ['e2e', 'webnlg', 'dart'] as const) {
      const preset = JSON.parse(
        readFileSync(join(cliDir, 'configs', `train-${task}.json`), 'utf8'),
      );
      const paper = paperPresets[task];
      expect(preset).toMatchObject({
        command: 'train',
        task,
        method: paper.method.method,
        prefixLength: paper.method.prefixLength,
        ...paper.training,
      });
      expect(preset.methodOptions).toEqual({
        midDim: paper.method.midDim,
        dropout: paper.method.dropout,
      });
    }
  });
});

// The low-data experiment end to end through the real CLI (CPU backend, a 1-layer random GPT-2,
// the committed E2E sample): one size, two samples, two learning rates for the prefix. Checks the
// results JSON and Markdown, that a rerun runs nothing, and that a run stopped after its
// checkpoint is resumed, not restarted.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowData } from '../src/experiments/low-data';
import { type CommandIo, runExperimentCommand } from '../src/main';
import type { ExperimentResults } from '../src/results/results-types';
import { writeTinyModel } from './tiny-model';

const e2eSample = fileURLToPath(
  new URL('../../../packages/datasets/fixtures/e2e', import.meta.url),
);

let model: string;
let root: string;
let runDir: string;

beforeAll(async () => {
  model = await writeTinyModel();
  root = mkdtempSync(join(tmpdir(), 'prefixkit-low-data-'));
  runDir = join(root, 'run');
});

afterAll(() => {
  for (const folder of [root, model]) rmSync(folder, { recursive: true, force: true });
});

/** Runs the command in this process; the CLI's own progress is collected, not printed. */
async function lowDataCommand(): Promise<{ code: number; lines: string[]; stderr: string }> {
  const lines: string[] = [];
  let stderr = '';
  const io: CommandIo = {
    cwd: process.cwd(),
    env: { ...process.env, PREFIXKIT_CLI_ENTRY: undefined },
    stdout: (line) => lines.push(line),
    stderr: (text) => {
      stderr += text;
    },
  };
  const argv = [
    runDir,
    ...['--model', model, '--data', e2eSample, '--backend', 'cpu'],
    ...['--sizes', '50', '--samples', '2', '--rows', 'prefix'],
    ...['--lr', 'prefix=0.01,0.03', '--steps', '2', '--warmup-steps', '0', '--batch-size', '2'],
    ...['--checkpoint-every', '1', '--max-dev-examples', '2'],
    ...['--dev-inputs', '2', '--test-inputs', '2', '--num-beams', '1', '--max-new-tokens', '3'],
  ];
  const code = await runExperimentCommand(lowData, argv, io);
  return { code, lines, stderr };
}

const run = (...parts: string[]) => join(runDir, 'runs', 'prefix-50', ...parts);

describe('low-data, end to end on a tiny model', () => {
  it('trains the sweep and the samples, and writes results.json and results.md', async () => {
    const first = await lowDataCommand();
    expect(first.code, first.stderr.slice(-2000)).toBe(0);
    const results = JSON.parse(
      readFileSync(join(runDir, 'results.json'), 'utf8'),
    ) as ExperimentResults;
    expect(results.status).toBe('partial'); // FT-FULL left out by --rows
    expect(results.rows.map((row) => row.id)).toEqual(['prefix-50']);
    const [row] = results.rows;
    expect(row!.sweep.map((r) => [r.learningRate, r.replicate])).toEqual([
      [0.01, 'sample-0'],
      [0.03, 'sample-0'],
    ]);
    expect(row!.learningRate).toMatchObject({ how: 'sweep', tried: [0.01, 0.03] });
    const chosen = row!.learningRate!.chosen!;
    expect(row!.runs.map((r) => r.dir)).toEqual([
      join('runs', 'prefix-50', `lr-${chosen}`, 'sample-0'),
      join('runs', 'prefix-50', `lr-${chosen}`, 'sample-1'),
    ]);
    for (const scored of row!.runs) {
      expect(scored.test!.inputs).toBe(2);
      expect(Object.keys(scored.test!.scores)).toEqual([
        'bleu',
        'nist',
        'meteor',
        'rouge-l',
        'cider',
      ]);
      // 6 slots of 2 x 1 layer x 16: the prefix activations are what the run keeps.
      expect(scored.train!.keptParameters).toBe(6 * 2 * 16);
    }
    expect(results.sessions).toHaveLength(1);
    expect(results.sessions[0]!.machine.backend).toBe('cpu');

    const markdown = readFileSync(join(runDir, 'results.md'), 'utf8');
    expect(markdown).toMatch(/^# Low-data E2E/);
    expect(markdown).toMatch(/\*\*BLEU\*\* \(mean ± sd/);
    expect(markdown).toMatch(/^\| method \| size 50 \|$/m);
    expect(markdown).toMatch(/^\| prefix \| \d\.\d{4} ± \d\.\d{4} \|$/m);
    expect(markdown).toMatch(/^\| prefix, 50 pairs \(n=2\) \|/m);
    expect(markdown).toMatch(
      new RegExp(`^\\| prefix, 50 pairs \\| ${chosen} \\| .* \\| chosen`, 'm'),
    );
    expect(first.lines.at(-1)).toMatch(/2 scored runs; results in .*results\.md/);
  });

  it('a rerun runs no prefixkit command but doctor, and keeps the results', async () => {
    const before = readFileSync(join(runDir, 'results.json'), 'utf8');
    const again = await lowDataCommand();
    expect(again.code).toBe(0);
    const work = /: (train \(|dev outputs|test outputs|(dev|test) scored)/;
    expect(again.lines.filter((line) => work.test(line))).toEqual([]);
    const after = JSON.parse(
      readFileSync(join(runDir, 'results.json'), 'utf8'),
    ) as ExperimentResults;
    expect(after.rows).toEqual((JSON.parse(before) as ExperimentResults).rows);
    expect(after.sessions).toHaveLength(2);
  });

  it('resumes a training stopped after a checkpoint, and redoes only what it feeds', async () => {
    const results = JSON.parse(
      readFileSync(join(runDir, 'results.json'), 'utf8'),
    ) as ExperimentResults;
    const chosen = results.rows[0]!.learningRate!.chosen!;
    // As if sample-1 had been stopped after its last checkpoint: final weights and later files gone.
    for (const entry of ['train/final', 'train.json', 'test.txt', 'test.json'])
      rmSync(run(`lr-${chosen}`, 'sample-1', entry), { recursive: true });
    const latest = run(`lr-${chosen}`, 'sample-1', 'train', 'checkpoints', 'latest');
    expect(existsSync(latest)).toBe(true);
    const again = await lowDataCommand();
    expect(again.code, again.stderr.slice(-2000)).toBe(0);
    const steps = again.lines.filter((line) => /: (train \(|test outputs)/.test(line));
    expect(steps[0]).toMatch(/prefix-50 lr .* sample-1: train \(resume\)/);
    expect(steps.some((line) => /sample-0/.test(line))).toBe(false);
    expect(existsSync(run(`lr-${chosen}`, 'sample-1', 'test.json'))).toBe(true);
  });
});

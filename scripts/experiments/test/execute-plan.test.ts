// The driver's loop with a stand-in for the CLI (no training): the order of the steps, a row that
// takes another row's learning rate, --rows with the rest only read, a failing command, and a
// stop between two steps.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prefixLength } from '../src/experiments/prefix-length';
import { webnlgExtrapolation } from '../src/experiments/webnlg-extrapolation';
import { type CommandIo, runExperimentCommand } from '../src/main';
import type { ExperimentResults } from '../src/results/results-types';
import type { CommandResult, PrefixkitRunner } from '../src/run/prefixkit';

const root = mkdtempSync(join(tmpdir(), 'prefixkit-execute-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ok = (stdout = ''): CommandResult => ({ code: 0, stdout, stderrTail: '', seconds: 1 });
const flagValue = (args: readonly string[], flag: string) => args[args.indexOf(flag) + 1]!;

/** A CLI stand-in: BLEU peaks at learning rate 0.003; `fail` makes matching commands exit 5. */
function standIn(calls: string[][], fail?: (args: readonly string[]) => boolean): PrefixkitRunner {
  return async (args) => {
    calls.push([...args]);
    if (fail?.(args))
      return {
        ...ok(),
        code: 5,
        stderrTail: 'prefixkit train: error: bad data [DATA_X, exit 5]\n',
      };
    switch (args[0]) {
      case 'doctor':
        return ok(JSON.stringify({ result: { backend: { name: 'cpu' }, adapter: null } }));
      case 'train':
        mkdirSync(join(flagValue(args, '--output'), 'final'), { recursive: true });
        return ok(
          JSON.stringify({
            result: { trainableParameters: 10, baseParameters: 1000, steps: 2, devLoss: 1.25 },
          }),
        );
      case 'generate':
        writeFileSync(flagValue(args, '--output'), 'an output\n');
        return ok();
      default: {
        const rate = Number(/lr-([^/]+)/.exec(flagValue(args, '--hypotheses'))?.[1] ?? 0.003);
        const score = 1 - Math.abs(Math.log10(rate / 0.003));
        return ok(
          JSON.stringify({
            result: { inputs: 2, scores: { bleu: { label: 'BLEU', score, scale: '0-1' } } },
          }),
        );
      }
    }
  };
}

async function run(
  runDir: string,
  argv: string[],
  prefixkit: PrefixkitRunner,
  onStop?: CommandIo['onStop'],
) {
  const lines: string[] = [];
  let stderr = '';
  const code = await runExperimentCommand(
    prefixLength,
    [runDir, '--data', root, '--lengths', '1,10', '--init-samples', '2', ...argv],
    {
      cwd: root,
      env: {},
      stdout: (line) => lines.push(line),
      stderr: (text) => {
        stderr += text;
      },
      prefixkit,
      ...(onStop ? { onStop } : {}),
    },
  );
  return { code, lines, stderr };
}

const summary = (calls: string[][]) =>
  calls
    .filter((args) => args[0] !== 'doctor')
    .map((args) => {
      const path = flagValue(args, args[0] === 'evaluate' ? '--hypotheses' : '--output');
      return `${args[0]} ${path.slice(path.indexOf('runs/') + 5)}`;
    });

describe('executePlan', () => {
  it("runs the reference length's sweep for a row that takes its rate, and only reads other rows", async () => {
    const runDir = join(root, 'a');
    const calls: string[][] = [];
    const first = await run(runDir, ['--rows', 'length-1'], standIn(calls));
    expect(first.code, first.stderr).toBe(0);
    expect(summary(calls)).toEqual([
      ...['0.001', '0.003', '0.01'].flatMap((rate) => [
        `train length-10/lr-${rate}/train`,
        `generate length-10/lr-${rate}/dev.txt`,
        `evaluate length-10/lr-${rate}/dev.txt`,
      ]),
      'train length-1/lr-0.003/train',
      'generate length-1/lr-0.003/test.txt',
      'evaluate length-1/lr-0.003/test.txt',
    ]);
    const results = JSON.parse(
      readFileSync(join(runDir, 'results.json'), 'utf8'),
    ) as ExperimentResults;
    expect(results.rows.map((row) => [row.id, row.learningRate?.chosen, row.runs.length])).toEqual([
      ['length-1', 0.003, 1],
      ['length-10', 0.003, 0],
    ]);
    expect(results.rows[0]!.learningRate).toEqual({
      how: 'row',
      from: 'length-10',
      tried: [],
      chosen: 0.003,
    });
    expect(results.status).toBe('partial');

    // Now length-10 itself: its sweep is reused, only its test scoring runs.
    calls.length = 0;
    const second = await run(runDir, ['--rows', 'length-10'], standIn(calls));
    expect(second.code).toBe(0);
    expect(summary(calls)).toEqual([
      'generate length-10/lr-0.003/test.txt',
      'evaluate length-10/lr-0.003/test.txt',
    ]);
    const markdown = readFileSync(join(runDir, 'results.md'), 'utf8');
    expect(markdown).toMatch(
      /^\| prefix, 1 slot \| 0\.003 \(length-10's\) \| 10 \| - \| 1\.0000 \|/m,
    );
    expect(markdown).toMatch(/^\| prefix, 10 slots \| 0\.003 \| 10 \|/m);
  });

  it('grows a folder from one seed per length to three, training only the new seeds', async () => {
    const runDir = join(root, 's');
    const first = await run(runDir, ['--rows', 'length-1'], standIn([]));
    expect(first.code, first.stderr).toBe(0);
    const calls: string[][] = [];
    const more = await run(runDir, ['--rows', 'length-1', '--seeds', '3'], standIn(calls));
    expect(more.code, more.stderr).toBe(0);
    expect(summary(calls)).toEqual(
      ['102', '103'].flatMap((seed) => [
        `train length-1/lr-0.003/seed-${seed}/train`,
        `generate length-1/lr-0.003/seed-${seed}/test.txt`,
        `evaluate length-1/lr-0.003/seed-${seed}/test.txt`,
      ]),
    );
    const trains = calls.filter((args) => args[0] === 'train');
    expect(trains.map((args) => flagValue(args, '--seed'))).toEqual(['102', '103']);
    const results = JSON.parse(
      readFileSync(join(runDir, 'results.json'), 'utf8'),
    ) as ExperimentResults;
    expect(results.rows[0]!.runs.map((entry) => [entry.dir, entry.replicate])).toEqual([
      [join('runs', 'length-1', 'lr-0.003'), 'seed-101'],
      [join('runs', 'length-1', 'lr-0.003', 'seed-102'), 'seed-102'],
      [join('runs', 'length-1', 'lr-0.003', 'seed-103'), 'seed-103'],
    ]);
    expect(readFileSync(join(runDir, 'results.md'), 'utf8')).toMatch(
      /^\| prefix, 1 slot \(n=3\) \|/m,
    );
  });

  it('does not retrain a scored run whose weights were removed, but retrains one still to be tested', async () => {
    const runDir = join(root, 'w');
    const first = await run(runDir, ['--rows', 'length-10'], standIn([]));
    expect(first.code, first.stderr).toBe(0);
    const rowsOf = () =>
      (JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as ExperimentResults).rows;
    const before = rowsOf();
    // Every weight folder gone (a run folder brought back without its large files).
    for (const rate of ['0.001', '0.003', '0.01'])
      rmSync(join(runDir, 'runs', 'length-10', `lr-${rate}`, 'train', 'final'), {
        recursive: true,
      });
    const calls: string[][] = [];
    const again = await run(runDir, ['--rows', 'length-10'], standIn(calls));
    expect(again.code, again.stderr).toBe(0);
    expect(summary(calls)).toEqual([]);
    expect(rowsOf()).toEqual(before);

    // The chosen run lost its weights before its test: it is trained again, then tested.
    rmSync(join(runDir, 'runs', 'length-10', 'lr-0.003', 'test.json'));
    rmSync(join(runDir, 'runs', 'length-10', 'lr-0.003', 'test.txt'));
    const retest = await run(runDir, ['--rows', 'length-10'], standIn(calls));
    expect(retest.code, retest.stderr).toBe(0);
    expect(summary(calls)).toEqual([
      'train length-10/lr-0.003/train',
      'generate length-10/lr-0.003/test.txt',
      'evaluate length-10/lr-0.003/test.txt',
    ]);
  });

  it('decodes the model alone without an adapter, in a folder of its own', async () => {
    const calls: string[][] = [];
    const runDir = join(root, 'd');
    const lines: string[] = [];
    const code = await runExperimentCommand(
      webnlgExtrapolation,
      [runDir, '--data', root, '--rows', 'none'],
      {
        cwd: root,
        env: {},
        stdout: (line) => lines.push(line),
        stderr: () => {},
        prefixkit: standIn(calls),
      },
    );
    expect(code).toBe(0);
    const [generate, evaluate] = calls.filter((args) => args[0] !== 'doctor');
    expect(generate).not.toContain('--adapter');
    expect(flagValue(generate!, '--output')).toBe(join(runDir, 'runs', 'none', 'test.txt'));
    expect(evaluate).toContain('--subsets');
    expect(flagValue(evaluate!, '--references')).toBe(join(root, 'test', 'testdata_with_lex.xml'));
  });

  it('stops at a failing command with its exit status and a message naming it', async () => {
    const calls: string[][] = [];
    const failing = await run(
      join(root, 'b'),
      ['--rows', 'embedding-only'],
      standIn(calls, (args) => args[0] === 'train' && args.includes('0.01')),
    );
    expect(failing.code).toBe(5);
    expect(failing.stderr).toMatch(
      /^prefix-length: error: prefixkit train .*--learning-rate 0\.01 .*failed \(exit 5\): prefixkit train: error: bad data \[DATA_X, exit 5\] \[EXPERIMENT_STEP_FAILED\]\n$/,
    );
    const results = JSON.parse(
      readFileSync(join(root, 'b', 'results.json'), 'utf8'),
    ) as ExperimentResults;
    expect(results.rows[0]!.sweep.map((entry) => entry.learningRate)).toEqual([0.003]);
  });

  it('stops between steps after Ctrl-C, keeping what is done', async () => {
    let stop: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined;
    const calls: string[][] = [];
    const base = standIn(calls);
    const stopping: PrefixkitRunner = async (args) => {
      const result = await base(args);
      if (args[0] === 'train') stop?.('SIGINT');
      return result;
    };
    const stopped = await run(join(root, 'c'), ['--rows', 'infix'], stopping, (handler) => {
      stop = handler;
      return () => {};
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(
      /stopped between steps; finished steps are kept, rerun the same command/,
    );
    expect(summary(calls)).toEqual(['train infix/lr-0.001/train']);
  });
});

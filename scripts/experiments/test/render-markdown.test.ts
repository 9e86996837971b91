// The Markdown tables from hand-made results: WebNLG's seen / unseen / all columns, mean ± sd
// over replicates, the pivot of the low-data layout, and the learning-rate sweep.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../src/experiments/experiment';
import { renderMarkdown } from '../src/results/render-markdown';
import { pivotTables, rowsTable, sweepTable } from '../src/results/result-tables';
import type { ExperimentResults, RowResult, RunResult } from '../src/results/results-types';
import type { Scores } from '../src/run/run-files';

const bleu = (score: number): Scores => ({ bleu: { label: 'BLEU', score, scale: '0-100' } });
const ter = (score: number): Scores => ({ ter: { label: 'TER', score, scale: '0-1' } });

function webnlgRun(learningRate: number, all: number, seen: number, unseen: number): RunResult {
  return {
    dir: `runs/prefix/lr-${learningRate}`,
    learningRate,
    train: {
      trainableParameters: 592_640,
      baseParameters: 7_259_008,
      keptParameters: 5_120,
      steps: 1000,
      devLoss: 1.5,
      seconds: 600,
    },
    test: {
      inputs: 1862,
      scores: { ...bleu(all), ...ter(0.6) },
      subsets: {
        seen: { inputs: 971, scores: { ...bleu(seen), ...ter(0.5) } },
        unseen: { inputs: 891, scores: { ...bleu(unseen), ...ter(0.7) } },
      },
      seconds: 1200,
    },
  };
}

const prefix: RowResult = {
  id: 'prefix',
  family: 'prefix',
  label: 'prefix (5 slots)',
  learningRate: { how: 'sweep', chosen: 0.003, tried: [0.001, 0.003, 0.01], atGridEdge: false },
  sweep: [0.001, 0.003].map((rate, index) => {
    const { test: _test, ...run } = webnlgRun(rate, 0, 0, 0);
    return { ...run, dev: { inputs: 50, scores: bleu([30.5, 33.25][index]!), seconds: 60 } };
  }),
  runs: [webnlgRun(0.003, 40.5, 50.25, 30.125)],
};

const alone: RowResult = {
  id: 'none',
  family: 'none',
  label: 'the model alone',
  sweep: [],
  runs: [{ dir: 'runs/none', test: { ...webnlgRun(0, 10, 12, 8).test!, seconds: 900 } }],
};

describe('rowsTable', () => {
  it('has seen, unseen and all columns per metric, parameters and the learning rate', () => {
    const table = rowsTable([alone, prefix]).split('\n');
    expect(table[0]).toBe(
      '| row | learning rate | trained params | kept params (of the model) | BLEU seen | BLEU unseen | BLEU all | TER seen | TER unseen | TER all | dev loss | time |',
    );
    expect(table[2]).toBe(
      '| the model alone | - | 0 | 0 | 12.00 | 8.00 | 10.00 | 0.5000 | 0.7000 | 0.6000 | - | 15:00 |',
    );
    // Time: two sweep trainings with their dev scoring, and the test decoding (training reused).
    expect(table[3]).toBe(
      '| prefix (5 slots) | 0.003 | 592,640 | 5,120 (0.0705%) | 50.25 | 30.13 | 40.50 | 0.5000 | 0.7000 | 0.6000 | 1.500 | 42:00 |',
    );
  });

  it('gives mean ± sd and n when a row has replicates', () => {
    const replicated: RowResult = {
      ...prefix,
      runs: [webnlgRun(0.003, 40, 50, 30), webnlgRun(0.003, 42, 52, 32)],
    };
    expect(rowsTable([replicated]).split('\n')[2]).toMatch(
      /^\| prefix \(5 slots\) \(n=2\) \| 0\.003 \| .* \| 51\.00 ± 1\.41 \| 31\.00 ± 1\.41 \| 41\.00 ± 1\.41 \|/,
    );
  });
});

describe('sweepTable', () => {
  it('lists every rate tried with its dev BLEU and dev loss, the chosen one marked', () => {
    const table = sweepTable([prefix]).split('\n');
    expect(table.slice(2)).toEqual([
      '| prefix (5 slots) | 0.001 | 30.50 | 1.500 |  |',
      '| prefix (5 slots) | 0.003 | 33.25 | 1.500 | chosen |',
      '| prefix (5 slots) | 0.01 | - | - | not run yet |',
    ]);
  });

  it('says where a rate came from when none was tried', () => {
    const taken: RowResult = {
      ...prefix,
      id: 'length-5',
      label: 'prefix, 5 slots',
      learningRate: { how: 'row', from: 'length-10', chosen: 0.003, tried: [] },
      sweep: [],
    };
    expect(sweepTable([taken]).split('\n')[2]).toBe(
      '| prefix, 5 slots | 0.003 | - | - | taken from length-10 |',
    );
  });
});

describe('pivotTables', () => {
  it('puts one metric per table, rows by method and columns by size', () => {
    const cell = (method: string, size: number, scores: number[]): RowResult => ({
      id: `${method}-${size}`,
      family: method,
      label: `${method}, ${size} pairs`,
      cells: { method, size },
      learningRate: { how: 'fixed', chosen: 0.01, tried: [0.01] },
      sweep: [],
      runs: scores.map((score, sample) => ({
        dir: `runs/${method}-${size}/lr-0.01/sample-${sample}`,
        test: { inputs: 630, scores: { bleu: { label: 'BLEU', score, scale: '0-1' } }, seconds: 1 },
      })),
    });
    const text = pivotTables(
      [cell('prefix', 50, [0.5, 0.6]), cell('prefix', 100, [0.6]), cell('FT-FULL', 50, [0.4, 0.4])],
      'method',
      'size',
    );
    expect(text).toContain(
      [
        '| method | size 50 | size 100 |',
        '|---|---|---|',
        '| prefix | 0.5500 ± 0.0707 | 0.6000 |',
        '| FT-FULL | 0.4000 ± 0.0000 | - |',
      ].join('\n'),
    );
    expect(text).toContain('| prefix | 0.01 (given) | 0.01 (given) |');
  });
});

describe('renderMarkdown', () => {
  it('says what ran, where and on what, then the tables and notes', () => {
    const results: ExperimentResults = {
      format: 'prefixkit-experiment-results',
      formatVersion: 1,
      experiment: 'webnlg-extrapolation',
      title: 'WebNLG 2017: seen and unseen categories',
      summary: 'A summary.',
      task: 'webnlg',
      settings: { model: 'prefixkit-tiny', data: '/data/webnlg' } as Settings,
      plan: {
        train: { maxSteps: 1000, batchSize: 5 },
        decode: { numBeams: 5 },
        dev: 'the first 50 dev inputs',
        test: 'the whole test set',
        table: { kind: 'rows' },
      },
      status: 'partial',
      sessions: [
        {
          command: 'node scripts/experiments/webnlg-extrapolation.mjs runs/w',
          started: '2026-12-06T00:00:00.000Z',
          updated: '2026-12-06T01:00:00.000Z',
          machine: {
            cpu: 'AMD EPYC',
            cores: 2,
            memoryGiB: 23.5,
            os: 'linux 6',
            node: 'v20.20.2',
            backend: 'webgpu',
            adapter: 'llvmpipe',
          },
        },
      ],
      rows: [alone, prefix],
      notes: ['A note.'],
    };
    const markdown = renderMarkdown(results);
    expect(markdown).toMatch(/^# WebNLG 2017: seen and unseen categories\n\nA summary\.\n/);
    expect(markdown).toContain(
      '- status: partial (2 scored runs so far; rerun the command to continue)',
    );
    expect(markdown).toContain(
      '- command: `node scripts/experiments/webnlg-extrapolation.mjs runs/w`',
    );
    expect(markdown).toContain('- every training: `--max-steps 1000 --batch-size 5`');
    expect(markdown).toContain('- compute time: 57:00');
    expect(markdown).toContain(
      '- session 2026-12-06T00:00:00.000Z to 2026-12-06T01:00:00.000Z: AMD EPYC x 2 cores, 23.5 GiB, linux 6, Node v20.20.2; webgpu on llvmpipe',
    );
    expect(markdown).toContain('## Learning rates tried');
    expect(markdown).toMatch(/## Notes\n\n- A note\.\n$/);
  });
});

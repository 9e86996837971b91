// The four plans at their defaults: the rows the paper's tables have, how each row's learning
// rate is set, what every run trains on and is scored against; and that the word
// initialisations are as long (in GPT-2 tokens) as the prefixes they initialise.
import { join } from 'node:path';
import { loadGpt2Tokenizer } from '@prefixkit/gpt2';
import { describe, expect, it } from 'vitest';
import { lowDataInitWords, lowDataPrefixLength } from '../src/experiments/low-data';
import { initialisations, initPrefixLength } from '../src/experiments/prefix-length';
import { experimentByName, experiments } from '../src/experiments/registry';
import { settingsFromArgv } from '../src/options/resolve-settings';

const environment = { cwd: '/work', env: {} };
const planOf = (name: string, argv: string[] = []) => {
  const experiment = experimentByName(name);
  // --data must exist; the plan is then made for the folder /data (plans read no files).
  const settings = settingsFromArgv(experiment, ['runs/x', '--data', '/', ...argv], {
    ...environment,
    env: { PREFIXKIT_SHARED_DATA: '/' },
  }).settings!;
  return experiment.plan({ ...settings, data: '/data' });
};

describe.each(experiments.map((experiment) => experiment.name))('%s plan', (name) => {
  const plan = planOf(name);

  it('has unique row ids usable as folder names, and learning rates for every trained row', () => {
    const ids = plan.rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of plan.rows) {
      expect(row.id).toMatch(/^[a-z0-9.-]+$/);
      if (!row.train) continue;
      if (row.learningRateFrom) {
        const source = plan.rows.find((candidate) => candidate.id === row.learningRateFrom);
        expect(source?.learningRates?.length, row.id).toBeGreaterThan(1);
      } else {
        expect(row.learningRates?.length, row.id).toBe(3);
      }
    }
  });

  it('picks learning rates on the first 50 dev inputs and scores the whole test set', () => {
    expect(plan.dev.generate).toMatchObject({ split: 'dev', maxInputs: 50 });
    expect(plan.dev.evaluate).toMatchObject({ maxInputs: 50 });
    expect(plan.test.generate).toMatchObject({ split: 'test' });
    expect(plan.test.generate.maxInputs).toBeUndefined();
    expect(plan.train).toMatchObject({ model: 'prefixkit-tiny', seed: 101, evalEvery: 0 });
  });

  it('--test-every K and --test-inputs N select the same test inputs for decoding and scoring', () => {
    const spread = planOf(name, ['--test-every', '9', '--test-inputs', '40']);
    for (const flags of [spread.test.generate, spread.test.evaluate])
      expect(flags).toMatchObject({ every: 9, maxInputs: 40 });
    expect(spread.test.description).toMatch(
      /^the first 40 of one input in 9 of the .+ \(every 9-th, from the first\)$/,
    );
    expect(planOf(name, ['--test-every', '9']).test.evaluate.maxInputs).toBeUndefined();
    expect(plan.test.evaluate.every).toBeUndefined();
  });
});

describe('the dev subset that picks learning rates', () => {
  it('spreads over dev files whose order groups inputs (WebNLG by size, DART by source), unless --dev-every says', () => {
    const every = (name: string, argv: string[] = []) => planOf(name, argv).dev.evaluate.every;
    expect(every('webnlg-extrapolation')).toBe(17); // 872 dev inputs / 50
    expect(every('dart')).toBe(6); // 300 held-out triple sets / 50
    expect(every('dart', ['--held-out', '40'])).toBeUndefined(); // fewer than --dev-inputs: all
    expect(every('low-data')).toBeUndefined();
    expect(every('prefix-length')).toBeUndefined();
    expect(every('webnlg-extrapolation', ['--dev-every', '1'])).toBeUndefined();
    expect(every('low-data', ['--dev-every', '4'])).toBe(4);
    const webnlg = planOf('webnlg-extrapolation', ['--dev-inputs', '100']).dev;
    expect(webnlg.generate).toMatchObject({ split: 'dev', every: 8, maxInputs: 100 });
    expect(webnlg.evaluate).toMatchObject({ every: 8, maxInputs: 100 });
    expect(webnlg.description).toBe(
      'the first 100 of one input in 8 of the dev set (every 8-th, from the first)',
    );
  });
});

describe('the plans, row by row', () => {
  it("webnlg-extrapolation: Table 2's methods, seen/unseen/all scoring of the official test XML", () => {
    const plan = planOf('webnlg-extrapolation');
    expect(plan.rows.map((row) => row.id)).toEqual([
      'none',
      'prefix',
      'adapter-0.1',
      'adapter-3',
      'ft-top2',
      'ft-full',
    ]);
    expect(plan.rows[1]!.train).toEqual({ method: 'prefix', prefixLength: 5 });
    expect(plan.rows[3]!.train).toEqual({
      method: 'adapter',
      methodOptions: { parameterFraction: 0.03 },
    });
    expect(plan.test.evaluate).toEqual({
      task: 'webnlg',
      references: join('/data', 'test', 'testdata_with_lex.xml'),
      subsets: true,
    });
    expect(plan.dev.evaluate.references).toBe(join('/data', 'dev.json'));
    expect(plan.train).toMatchObject({ task: 'webnlg', maxSteps: 1000, warmupSteps: 50 });
  });

  it('dart: trains and scores on the files prepared in the run folder', () => {
    const plan = planOf('dart', ['--prefix-length', '10']);
    const data = join('/work/runs/x', 'data');
    expect(plan.train).toMatchObject({ task: 'dart', data });
    expect(plan.rows[1]!.train).toEqual({ method: 'prefix', prefixLength: 10 });
    expect(plan.test.generate).toMatchObject({ data, split: 'test' });
    expect(plan.test.evaluate.references).toBe(join(data, 'dart-v1.1.1-full-test.xml'));
    expect(plan.dev.evaluate.references).toBe(join(data, 'dart-v1.1.1-full-dev.json'));
  });

  it('low-data: prefix and FT-FULL per size, 3 samples each, pivoted by method and size', () => {
    const plan = planOf('low-data', ['--sizes', '50,500']);
    expect(plan.rows.map((row) => [row.id, row.cells])).toEqual([
      ['prefix-50', { method: 'prefix', size: 50 }],
      ['ft-full-50', { method: 'FT-FULL', size: 50 }],
      ['prefix-500', { method: 'prefix', size: 500 }],
      ['ft-full-500', { method: 'FT-FULL', size: 500 }],
    ]);
    expect(plan.rows[2]!.train).toMatchObject({ lowData: 500, prefixLength: 6 });
    expect(plan.rows[0]!.replicates!.map((replicate) => replicate.train)).toEqual([
      { lowDataSample: 0 },
      { lowDataSample: 1 },
      { lowDataSample: 2 },
    ]);
    expect(plan.train).toMatchObject({ maxSteps: 300, warmupSteps: 100 });
    expect(plan.table).toEqual({ kind: 'pivot', rows: 'method', columns: 'size' });
    expect(plan.notes[0]).toContain('50 pairs get 30.0 epochs, 500 pairs get 3.0 epochs');
  });

  it('prefix-length: lengths share the reference length rate; ablations; low-data inits', () => {
    const plan = planOf('prefix-length');
    expect(plan.rows.map((row) => row.id)).toEqual([
      'length-1',
      'length-2',
      'length-5',
      'length-10',
      'length-15',
      'length-20',
      'embedding-only',
      'infix',
      'init-random',
      'init-table-to-text',
      'init-unrelated',
    ]);
    expect(plan.rows[0]!.learningRateFrom).toBe('length-10');
    expect(plan.rows[7]!.train).toEqual({ method: 'infix', prefixLength: 10 });
    expect(plan.rows[8]!.train).toMatchObject({ lowData: 100, maxSteps: 300, warmupSteps: 100 });
    expect(plan.rows[8]!.replicates).toHaveLength(3);
    expect(plan.rows[0]!.replicates).toBeUndefined();
    expect(() => planOf('prefix-length', ['--reference-length', '7'])).toThrow(
      /--reference-length: expected one of --lengths \(1, 2, 5, 10, 15, 20\), got 7/,
    );
  });
});

describe('prefix-length seeds', () => {
  it('repeats every full-data row with the next seeds, the first being the plan run in its own folder', () => {
    const plan = planOf('prefix-length', ['--seeds', '3', '--seed', '7']);
    const seeded = plan.rows.filter((row) => row.family !== 'init');
    expect(seeded.map((row) => row.id)).toContain('embedding-only');
    expect(seeded.map((row) => row.id)).toContain('infix');
    for (const row of seeded)
      expect(row.replicates, row.id).toEqual([
        { id: 'seed-7', train: {}, inRowFolder: true },
        { id: 'seed-8', train: { seed: 8 } },
        { id: 'seed-9', train: { seed: 9 } },
      ]);
    // The initialisations keep their low-data samples.
    expect(plan.rows.find((row) => row.id === 'init-random')!.replicates).toEqual([
      { id: 'sample-0', train: { lowDataSample: 0 } },
      { id: 'sample-1', train: { lowDataSample: 1 } },
      { id: 'sample-2', train: { lowDataSample: 2 } },
    ]);
    expect(plan.notes[1]).toContain('trained 3 times each, with seeds 7-9');
  });
});

describe('word initialisations', () => {
  it('are exactly as many GPT-2 tokens as their prefix has slots', async () => {
    const tokenizer = await loadGpt2Tokenizer();
    expect(tokenizer.encode(lowDataInitWords)).toHaveLength(lowDataPrefixLength);
    for (const init of initialisations) {
      const words = (init.methodOptions as { initWords?: string }).initWords;
      if (words) expect(tokenizer.encode(words), words).toHaveLength(initPrefixLength);
    }
  });
});

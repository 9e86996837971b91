import { describe, expect, it } from 'vitest';
import { ExperimentUsageError } from '../src/errors';
import { lowData } from '../src/experiments/low-data';
import { webnlgExtrapolation } from '../src/experiments/webnlg-extrapolation';
import { helpText } from '../src/options/help';
import { parseLearningRates } from '../src/options/parse-options';
import {
  checkRowNames,
  isSelected,
  learningRatesOf,
  optionTable,
  settingsFromArgv,
} from '../src/options/resolve-settings';

const environment = { cwd: '/work/here', env: { PREFIXKIT_SHARED_DATA: '/' } };
const settingsOf = (argv: string[], experiment = lowData) =>
  settingsFromArgv(experiment, ['--data', '/', ...argv], environment).settings!;
const refusal = (argv: string[]) => {
  try {
    settingsFromArgv(lowData, argv, environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ExperimentUsageError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('experiment options', () => {
  it("fills the experiment's defaults and makes paths absolute", () => {
    const settings = settingsOf(['runs/x']);
    expect(settings).toMatchObject({
      runDir: '/work/here/runs/x',
      model: 'prefixkit-tiny',
      steps: 300,
      warmupSteps: 100,
      maxNewTokens: 40,
      batchSize: 5,
      seed: 101,
      devInputs: 50,
      extra: { sizes: [50, 100, 200, 500], samples: 3 },
    });
    expect(settings.testInputs).toBeUndefined();
    expect(settingsOf([]).runDir).toBe('/work/here/runs/low-data');
    expect(settingsOf([], webnlgExtrapolation)).toMatchObject({ steps: 1000, maxNewTokens: 60 });
  });

  it('reads lists, repeated --lr and flags', () => {
    const settings = settingsOf([
      '--sizes=50,100',
      '--lr',
      'prefix=3e-4,1e-4',
      '--lr',
      'ft-full-50=0.001',
      '--rows',
      'prefix,ft-full-50',
      '--backend',
      'cpu',
    ]);
    expect(settings.extra.sizes).toEqual([50, 100]);
    expect(settings.learningRates).toEqual({ prefix: [1e-4, 3e-4], 'ft-full-50': [0.001] });
    expect(settings.rows).toEqual(['prefix', 'ft-full-50']);
    expect(settings.backend).toBe('cpu');
  });

  it('refuses bad values, naming the flag, what it expects and what it got', () => {
    expect(refusal(['--steps', 'ten'])).toBe(
      "--steps: expected an integer from 1 to 100000000, got 'ten'",
    );
    expect(refusal(['--steps', '0'])).toMatch(/--steps: expected an integer from 1/);
    expect(refusal(['--sizes', '50,,100'])).toMatch(/--sizes: expected a comma-separated list/);
    expect(refusal(['--backend', 'gpu'])).toBe("--backend: expected one of webgpu, cpu, got 'gpu'");
    expect(refusal(['--stpes', '3'])).toBe(
      "unknown option '--stpes'; did you mean --steps? (--help lists the options)",
    );
    expect(refusal(['--zzz'])).toBe("unknown option '--zzz' (--help lists the options)");
    expect(refusal(['a', 'b'])).toBe('expected at most one RUN_DIR, got 2: a b');
    expect(refusal(['--data', '/nonexistent-folder'])).toMatch(
      /\/nonexistent-folder: no e2e data there; pass --data DIR/,
    );
    expect(() => parseLearningRates(['prefix'])).toThrow(/--lr: expected ROW=RATE/);
    expect(() => parseLearningRates(['prefix=0,1'])).toThrow(/must be above 0/);
  });

  it('checks --rows and --lr against the plan, by row or family', () => {
    const settings = settingsOf(['--rows', 'prefix', '--lr', 'ft-full=1e-4']);
    const { rows } = lowData.plan(settings);
    expect(() => checkRowNames(settings, rows)).not.toThrow();
    expect(rows.filter((row) => isSelected(settings, row)).map((row) => row.id)).toEqual([
      'prefix-50',
      'prefix-100',
      'prefix-200',
      'prefix-500',
    ]);
    expect(learningRatesOf(settings, rows[1]!)).toEqual([1e-4]); // ft-full-50, by family
    expect(learningRatesOf(settings, rows[0]!)).toEqual([1e-3, 3e-3, 1e-2]);
    const wrong = settingsOf(['--rows', 'prefx']);
    expect(() => checkRowNames(wrong, rows)).toThrow(/unknown row 'prefx'; the rows are prefix-50/);
  });

  it('prints help with every option, its range and default', () => {
    const help = helpText(lowData, optionTable(lowData));
    expect(help).toMatch(/^low-data: Low-data E2E/);
    expect(help).toMatch(
      /--steps N +Optimiser steps of every training run\. \[from 1 to 100000000; default: 300\]/,
    );
    expect(help).toMatch(
      /--sizes LIST +Training set sizes \(pairs\)\. \[.*default: 50,100,200,500; may change between reruns of a run folder\]/,
    );
    expect(help).not.toMatch(/--steps N .*may change/);
    expect(help).toContain('Default run: about 9 h');
    for (const flag of ['--help', '-h'])
      expect(settingsFromArgv(lowData, [flag], environment)).toEqual({ help: true, dryRun: false });
  });
});

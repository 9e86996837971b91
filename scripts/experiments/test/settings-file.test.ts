import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunFolderMismatchError } from '../src/errors';
import type { Settings } from '../src/experiments/experiment';
import type { OptionTable } from '../src/options/option-types';
import { bindingSettings, checkSettingsFile } from '../src/run/settings-file';

const runDir = mkdtempSync(join(tmpdir(), 'prefixkit-settings-'));
afterAll(() => rmSync(runDir, { recursive: true, force: true }));

const settings = {
  experiment: 'low-data',
  runDir,
  model: 'prefixkit-tiny',
  data: '/data/e2e',
  steps: 300,
  learningRates: {},
  extra: { sizes: [50, 100], initSteps: 300 },
} as unknown as Settings;

const options: OptionTable = {
  sizes: { type: 'integers', description: 'Training set sizes.', selectsRows: true },
  initSteps: { type: 'integer', description: 'Steps of each initialisation run.' },
};

describe('checkSettingsFile', () => {
  it('records the settings that decide a finished step, without --rows and --lr', async () => {
    await checkSettingsFile(
      { ...settings, rows: ['prefix'], learningRates: { prefix: [0.1] } },
      options,
    );
    const stored = JSON.parse(readFileSync(join(runDir, 'settings.json'), 'utf8'));
    expect(stored).toEqual(bindingSettings(settings, options));
    expect(stored).not.toHaveProperty('rows');
    expect(stored).not.toHaveProperty('learningRates');
    expect(stored.extra).toEqual({ initSteps: 300 });
  });

  it('accepts the same settings with other rows and rates, and refuses others, naming them', async () => {
    await expect(
      checkSettingsFile({ ...settings, learningRates: { prefix: [0.3] } }, options),
    ).resolves.toBeUndefined();
    const changed = { ...settings, steps: 500, extra: { sizes: [50], initSteps: 100 } };
    await expect(checkSettingsFile(changed, options)).rejects.toThrow(RunFolderMismatchError);
    await expect(checkSettingsFile(changed, options)).rejects.toThrow(
      /holds a run started with other settings \(steps: 300 -> 500; extra: \{"initSteps":300\} -> \{"initSteps":100\}\); rerun it with the same ones, or give another RUN_DIR/,
    );
  });

  it('takes other values of the options that only select rows, also against older records', async () => {
    await expect(
      checkSettingsFile({ ...settings, extra: { sizes: [200, 500], initSteps: 300 } }, options),
    ).resolves.toBeUndefined();
    const older = mkdtempSync(join(tmpdir(), 'prefixkit-settings-older-'));
    try {
      writeFileSync(
        join(older, 'settings.json'),
        JSON.stringify({
          ...bindingSettings(settings, {}),
          extra: { sizes: [50], initSteps: 300 },
        }),
      );
      await expect(
        checkSettingsFile(
          { ...settings, runDir: older, extra: { sizes: [100], initSteps: 300 } },
          options,
        ),
      ).resolves.toBeUndefined();
    } finally {
      rmSync(older, { recursive: true, force: true });
    }
  });

  it('takes the same data folder elsewhere and another backend, but not another data set', async () => {
    await expect(
      checkSettingsFile({ ...settings, data: '/tmp/gpu-copy/e2e', backend: 'webgpu' }, options),
    ).resolves.toBeUndefined();
    await expect(
      checkSettingsFile({ ...settings, data: '/data/e2e-cleaned' }, options),
    ).rejects.toThrow(/other settings \(data: "e2e" -> "e2e-cleaned"\)/);
  });
});

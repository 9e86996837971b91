import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunFolderMismatchError } from '../src/errors';
import type { Settings } from '../src/experiments/experiment';
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
  extra: { sizes: [50, 100] },
} as unknown as Settings;

describe('checkSettingsFile', () => {
  it('records the settings that decide a finished step, without --rows and --lr', async () => {
    await checkSettingsFile({ ...settings, rows: ['prefix'], learningRates: { prefix: [0.1] } });
    const stored = JSON.parse(readFileSync(join(runDir, 'settings.json'), 'utf8'));
    expect(stored).toEqual(bindingSettings(settings));
    expect(stored).not.toHaveProperty('rows');
    expect(stored).not.toHaveProperty('learningRates');
  });

  it('accepts the same settings with other rows and rates, and refuses others, naming them', async () => {
    await expect(
      checkSettingsFile({ ...settings, learningRates: { prefix: [0.3] } }),
    ).resolves.toBeUndefined();
    const changed = checkSettingsFile({ ...settings, steps: 500, extra: { sizes: [50] } });
    await expect(changed).rejects.toThrow(RunFolderMismatchError);
    await expect(
      checkSettingsFile({ ...settings, steps: 500, extra: { sizes: [50] } }),
    ).rejects.toThrow(
      /holds a run started with other settings \(steps: 300 -> 500; extra: \{"sizes":\[50,100\]\} -> \{"sizes":\[50\]\}\); rerun it with the same ones, or give another RUN_DIR/,
    );
  });

  it('takes the same data folder elsewhere and another backend, but not another data set', async () => {
    await expect(
      checkSettingsFile({ ...settings, data: '/tmp/gpu-copy/e2e', backend: 'webgpu' }),
    ).resolves.toBeUndefined();
    await expect(checkSettingsFile({ ...settings, data: '/data/e2e-cleaned' })).rejects.toThrow(
      /other settings \(data: "e2e" -> "e2e-cleaned"\)/,
    );
  });
});

// RUN_DIR/settings.json: the settings an experiment's run folder was started with. Finished steps
// are reused by path, so a rerun with other settings (more steps, another model) would mix old
// and new runs in one table; it is refused instead, naming what differs. --rows and --lr are not
// part of it: running more rows, or more learning rates, adds to the same experiment.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RunFolderMismatchError } from '../errors';
import type { Settings } from '../experiments/experiment';
import { readJson, writeJson } from './run-files';

/** The settings that decide what a finished step holds. */
export function bindingSettings(settings: Settings): Record<string, unknown> {
  const { runDir: _runDir, rows: _rows, learningRates: _rates, ...binding } = settings;
  return JSON.parse(JSON.stringify(binding)) as Record<string, unknown>;
}

/** Differences between two settings records, as `key: old -> new`. */
export function settingsDifferences(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map(
      (key) =>
        `${key}: ${JSON.stringify(before[key]) ?? '(none)'} -> ${JSON.stringify(after[key]) ?? '(none)'}`,
    );
}

/** Writes settings.json on the first run; refuses a folder started with other settings. */
export async function checkSettingsFile(settings: Settings): Promise<void> {
  const path = join(settings.runDir, 'settings.json');
  const current = bindingSettings(settings);
  if (!existsSync(path)) {
    await writeJson(path, current);
    return;
  }
  const differences = settingsDifferences(readJson<Record<string, unknown>>(path)!, current);
  if (differences.length > 0)
    throw new RunFolderMismatchError(
      `${settings.runDir} holds a run started with other settings (${differences.join('; ')}); rerun it with the same ones, or give another RUN_DIR`,
    );
}

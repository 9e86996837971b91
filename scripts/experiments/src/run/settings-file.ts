// RUN_DIR/settings.json: the settings an experiment's run folder was started with. Finished steps
// are reused by path, so a rerun with other settings (more steps, another model) would mix old
// and new runs in one table; it is refused instead, naming what differs. --rows and --lr are not
// part of it: running more rows, or more learning rates, adds to the same experiment; nor are an
// experiment's options that only say which rows it has (low-data's sizes, prefix lengths). Nor is
// where the run computes (--backend: the backends agree to rounding, and each session's backend
// is in results.md), and the data folder counts by its name (e2e, e2e-cleaned), not by where it
// is: a run folder moves between machines (a lent GPU and back) with the same data elsewhere.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RunFolderMismatchError } from '../errors';
import type { Settings } from '../experiments/experiment';
import type { OptionTable } from '../options/option-types';
import { readJson, writeJson } from './run-files';

/** The experiment's own options (settings.extra) that decide what a finished step holds. */
function bindingExtra(
  extra: Readonly<Record<string, unknown>>,
  options: OptionTable,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extra).filter(([name]) => !options[name]?.selectsRows));
}

/** The settings that decide what a finished step holds. */
export function bindingSettings(settings: Settings, options: OptionTable): Record<string, unknown> {
  const { runDir: _runDir, rows: _rows, learningRates: _rates, ...binding } = settings;
  return JSON.parse(
    JSON.stringify({ ...binding, extra: bindingExtra(settings.extra, options) }),
  ) as Record<string, unknown>;
}

/**
 * A settings record as it is compared. Records written before an option was known to select rows
 * still hold it, and older ones the data folder's whole path.
 */
function comparable(
  record: Record<string, unknown>,
  options: OptionTable,
): Record<string, unknown> {
  const { backend: _backend, ...rest } = record;
  const extra = rest.extra as Record<string, unknown> | undefined;
  const compared = extra ? { ...rest, extra: bindingExtra(extra, options) } : rest;
  return typeof rest.data === 'string' ? { ...compared, data: basename(rest.data) } : compared;
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
export async function checkSettingsFile(settings: Settings, options: OptionTable): Promise<void> {
  const path = join(settings.runDir, 'settings.json');
  const current = bindingSettings(settings, options);
  if (!existsSync(path)) {
    await writeJson(path, current);
    return;
  }
  const differences = settingsDifferences(
    comparable(readJson<Record<string, unknown>>(path)!, options),
    comparable(current, options),
  );
  if (differences.length > 0)
    throw new RunFolderMismatchError(
      `${settings.runDir} holds a run started with other settings (${differences.join('; ')}); rerun it with the same ones, or give another RUN_DIR`,
    );
}

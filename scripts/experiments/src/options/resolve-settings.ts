// Parsed options -> Settings: paths made absolute (the CLI runs in other folders), the data
// folder found as the CLI finds it (PREFIXKIT_SHARED_DATA, else <repo>/../shared/data, then the
// task), the experiment's defaults applied, and --rows / --lr checked against the plan's rows.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExperimentUsageError } from '../errors';
import type { Experiment, Settings } from '../experiments/experiment';
import type { Row } from '../plan/plan-types';
import { commonOptions } from './common-options';
import type { OptionTable } from './option-types';
import { type ParsedCommandLine, parseCommandLine, parseLearningRates } from './parse-options';

/** The repository this package lives in. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Environment {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The options of one experiment's command: the common ones, then its own. */
export function optionTable(experiment: Experiment): OptionTable {
  const table: Record<string, OptionTable[string]> = { ...commonOptions };
  for (const key of ['steps', 'warmupSteps', 'maxNewTokens'] as const)
    table[key] = { ...table[key]!, default: experiment.defaults[key] };
  return { ...table, ...experiment.options };
}

/** The shared data folder, as `prefixkit doctor` reports it. */
export function sharedDataFolder(environment: Environment): string {
  const fromEnv = environment.env.PREFIXKIT_SHARED_DATA;
  return fromEnv ? resolve(environment.cwd, fromEnv) : resolve(repoRoot, '..', 'shared', 'data');
}

/** A model folder given by path becomes absolute; a hub id or the embedded name stays. */
function resolveModel(model: string, cwd: string): string {
  const path = resolve(cwd, model);
  return existsSync(path) ? path : model;
}

export function resolveSettings(
  experiment: Experiment,
  parsed: ParsedCommandLine,
  environment: Environment,
): Settings {
  const values = parsed.values as Record<string, unknown>;
  const common = new Set(Object.keys(commonOptions));
  const extra = Object.fromEntries(
    Object.entries(values)
      .filter(([key, value]) => !common.has(key) && value !== undefined)
      .map(([key, value]) => [
        key,
        experiment.options[key]?.path ? resolve(environment.cwd, value as string) : value,
      ]),
  );
  const data = values.data
    ? resolve(environment.cwd, values.data as string)
    : join(sharedDataFolder(environment), experiment.task);
  if (!existsSync(data))
    throw new ExperimentUsageError(
      `${data}: no ${experiment.task} data there; pass --data DIR with the official files, or set PREFIXKIT_SHARED_DATA`,
    );
  const optional = <T>(key: string): T | undefined => values[key] as T | undefined;
  return {
    experiment: experiment.name,
    runDir: resolve(environment.cwd, parsed.runDir ?? join('runs', experiment.name)),
    model: resolveModel(values.model as string, environment.cwd),
    data,
    ...(optional('backend') ? { backend: optional<'webgpu' | 'cpu'>('backend')! } : {}),
    steps: values.steps as number,
    batchSize: values.batchSize as number,
    warmupSteps: values.warmupSteps as number,
    seed: values.seed as number,
    checkpointEvery: values.checkpointEvery as number,
    maxDevExamples: values.maxDevExamples as number,
    devInputs: values.devInputs as number,
    ...(optional('devEvery') ? { devEvery: optional<number>('devEvery')! } : {}),
    ...(optional('testEvery') ? { testEvery: optional<number>('testEvery')! } : {}),
    ...(optional('testInputs') ? { testInputs: optional<number>('testInputs')! } : {}),
    numBeams: values.numBeams as number,
    maxNewTokens: values.maxNewTokens as number,
    decodeBatchSize: values.decodeBatchSize as number,
    learningRates: parseLearningRates((values.lr as string[] | undefined) ?? []),
    ...(optional('rows') ? { rows: optional<string[]>('rows')! } : {}),
    extra,
  };
}

/** Parses argv for an experiment (see parseCommandLine for what is refused). */
export function settingsFromArgv(
  experiment: Experiment,
  argv: readonly string[],
  environment: Environment,
): { settings?: Settings; help: boolean; dryRun: boolean } {
  const parsed = parseCommandLine(argv, optionTable(experiment));
  if (parsed.values.help) return { help: true, dryRun: false };
  const settings = resolveSettings(experiment, parsed, environment);
  return { settings, help: false, dryRun: parsed.values.dryRun === true };
}

/** --rows and --lr must name rows (or families) of the plan. */
export function checkRowNames(settings: Settings, rows: readonly Row[]): void {
  const known = new Set(rows.flatMap((row) => [row.id, row.family]));
  const names = [...(settings.rows ?? []), ...Object.keys(settings.learningRates)];
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new ExperimentUsageError(
      `--rows/--lr: unknown row ${unknown.map((name) => `'${name}'`).join(', ')}; the rows are ${[...known].join(', ')}`,
    );
}

/** The learning rates a row tries: --lr for its id, else for its family, else the plan's. */
export function learningRatesOf(settings: Settings, row: Row): readonly number[] {
  return (
    settings.learningRates[row.id] ?? settings.learningRates[row.family] ?? row.learningRates ?? []
  );
}

/** Whether --rows selects a row (all rows when --rows is absent). */
export function isSelected(settings: Settings, row: Row): boolean {
  return !settings.rows || settings.rows.includes(row.id) || settings.rows.includes(row.family);
}

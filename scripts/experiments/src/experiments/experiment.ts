// What an experiment module provides: its options and their defaults, its estimate, and a pure
// function from settings to a plan. The driver (run/execute-plan.ts) does the rest for all of
// them alike.
import type { OptionTable } from '../options/option-types';
import type { Plan } from '../plan/plan-types';

export type ExperimentTask = 'e2e' | 'webnlg' | 'dart';

/** The resolved settings of one experiment command. */
export interface Settings {
  readonly experiment: string;
  /** Absolute. */
  readonly runDir: string;
  /** A hub id, or an absolute model folder. */
  readonly model: string;
  /** Absolute folder of the task's official files. */
  readonly data: string;
  readonly backend?: 'webgpu' | 'cpu';
  readonly steps: number;
  readonly batchSize: number;
  readonly warmupSteps: number;
  readonly seed: number;
  readonly checkpointEvery: number;
  readonly maxDevExamples: number;
  readonly devInputs: number;
  /** Every K-th dev input only (then the first `devInputs`); default: the experiment's spread. */
  readonly devEvery?: number;
  /** Every K-th test input only (then the first `testInputs` of those). */
  readonly testEvery?: number;
  readonly testInputs?: number;
  readonly numBeams: number;
  readonly maxNewTokens: number;
  readonly decodeBatchSize: number;
  /** --lr overrides by row id or family. */
  readonly learningRates: Readonly<Record<string, readonly number[]>>;
  /** --rows: row ids or families to run (all when absent). */
  readonly rows?: readonly string[];
  /** The experiment's own options by camelCase name (sizes, lengths ...). */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface Experiment {
  /** The command's name and the launcher's file name (`low-data` -> low-data.mjs). */
  readonly name: string;
  readonly title: string;
  /** What it runs, for --help and the Markdown. */
  readonly summary: string;
  readonly task: ExperimentTask;
  /** How long the default run takes on the project's 2-core machine through lavapipe. */
  readonly estimate: string;
  /** Values of the common options this experiment sets (steps, warmupSteps, maxNewTokens). */
  readonly defaults: {
    readonly steps: number;
    readonly warmupSteps: number;
    readonly maxNewTokens: number;
  };
  /** Its own options (shown in --help after the common ones). */
  readonly options: OptionTable;
  /** The plan for these settings; pure (no files read). */
  plan(settings: Settings): Plan;
  /** Writes files the plan reads that are not in the data folder; returns lines to print. */
  prepare?(settings: Settings): Promise<string[]>;
}

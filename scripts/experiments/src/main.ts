// One experiment command, start to end: options -> settings -> plan; print what will run and
// where; check the run folder; prepare data (DART); record the machine; run the plan (each step
// skipped when done) saving results.json and results.md after every step; print where they are.
// Errors print one line (what, and how to go on) and give the launcher its exit status.
import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@prefixkit/errors/node';
import { exitCodeOf, StepFailedError } from './errors';
import type { Experiment, Settings } from './experiments/experiment';
import { helpText } from './options/help';
import {
  checkRowNames,
  type Environment,
  optionTable,
  settingsFromArgv,
} from './options/resolve-settings';
import { describePlan } from './plan/describe-plan';
import type { Plan } from './plan/plan-types';
import { describeMachine } from './results/machine';
import { renderMarkdown } from './results/render-markdown';
import type { ExperimentResults, RowResult, Session } from './results/results-types';
import { executePlan } from './run/execute-plan';
import { createPrefixkitRunner, type PrefixkitRunner } from './run/prefixkit';
import { readJson, writeJson } from './run/run-files';
import { checkSettingsFile } from './run/settings-file';

export interface CommandIo extends Environment {
  /** The driver's own lines. */
  readonly stdout: (line: string) => void;
  /** The CLI's progress and the driver's errors. */
  readonly stderr: (text: string) => void;
  /** Installs a Ctrl-C / SIGTERM handler; returns its removal. */
  readonly onStop?: (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void;
  /** The command line as typed, for the records (default: built from argv). */
  readonly commandLine?: string;
  /** Runs prefixkit commands (default: the CLI in child processes); tests pass a stand-in. */
  readonly prefixkit?: PrefixkitRunner;
}

function header(experiment: Experiment, settings: Settings, plan: Plan): string[] {
  return [
    `${experiment.name}: ${experiment.title}`,
    `run folder  ${settings.runDir} (results.md and results.json are written there after every step)`,
    `model       ${settings.model}; data ${settings.data}${settings.backend ? `; backend ${settings.backend}` : ''}`,
    `rows        ${plan.rows.map((row) => row.id).join(', ')}`,
    `default run ${experiment.estimate}`,
  ];
}

function resultsRecord(
  experiment: Experiment,
  settings: Settings,
  plan: Plan,
  sessions: Session[],
  rows: RowResult[],
  complete: boolean,
): ExperimentResults {
  return {
    format: 'prefixkit-experiment-results',
    formatVersion: 1,
    experiment: experiment.name,
    title: experiment.title,
    summary: experiment.summary,
    task: experiment.task,
    settings,
    plan: {
      train: plan.train,
      decode: plan.decode,
      dev: plan.dev.description,
      test: plan.test.description,
      table: plan.table,
    },
    status: complete ? 'complete' : 'partial',
    sessions,
    rows,
    notes: plan.notes,
  };
}

/** Refuses to start a command once a stop was asked for (a signal between two steps). */
function stoppable(prefixkit: PrefixkitRunner, stopped: () => boolean): PrefixkitRunner {
  return (args) => {
    if (stopped())
      throw new StepFailedError(
        'stopped between steps; finished steps are kept, rerun the same command to continue',
        130,
      );
    return prefixkit(args);
  };
}

export async function runExperimentCommand(
  experiment: Experiment,
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  try {
    const { settings, help, dryRun } = settingsFromArgv(experiment, argv, io);
    if (help || !settings) {
      io.stdout(helpText(experiment, optionTable(experiment)));
      return 0;
    }
    const plan = experiment.plan(settings);
    checkRowNames(settings, plan.rows);
    for (const line of header(experiment, settings, plan)) io.stdout(line);
    if (dryRun) {
      for (const line of describePlan(plan, settings)) io.stdout(line);
      return 0;
    }
    await mkdir(settings.runDir, { recursive: true });
    await checkSettingsFile(settings, experiment.options);
    for (const line of (await experiment.prepare?.(settings)) ?? []) io.stdout(line);

    let stopRequested = false;
    const running = new Set<ChildProcess>();
    const removeStop = io.onStop?.((signal) => {
      stopRequested = true;
      io.stdout(`${experiment.name}: stopping after the current step (a training checkpoints)`);
      // Ctrl-C reaches the running command through the terminal's process group; a SIGTERM sent
      // to this process alone is passed on, so that the command stops cleanly too.
      if (signal === 'SIGTERM') for (const child of running) child.kill('SIGTERM');
    });
    try {
      const cli =
        io.prefixkit ??
        createPrefixkitRunner({ env: io.env, cwd: io.cwd, stderr: io.stderr, running });
      const prefixkit = stoppable(cli, () => stopRequested);
      const resultsPath = join(settings.runDir, 'results.json');
      const markdownPath = join(settings.runDir, 'results.md');
      const now = () => new Date().toISOString();
      const session: Session = {
        command:
          io.commandLine ??
          `node scripts/experiments/${experiment.name}.mjs ${argv.join(' ')}`.trimEnd(),
        started: now(),
        updated: now(),
        machine: await describeMachine(prefixkit, settings.backend),
      };
      const sessions = [...(readJson<ExperimentResults>(resultsPath)?.sessions ?? []), session];
      const save = async (rows: RowResult[], complete: boolean) => {
        session.updated = now();
        const results = resultsRecord(experiment, settings, plan, sessions, rows, complete);
        await writeJson(resultsPath, results);
        await writeFileAtomic(markdownPath, renderMarkdown(results));
      };
      const context = {
        plan,
        settings,
        runDir: settings.runDir,
        ...(settings.backend ? { backend: settings.backend } : {}),
        prefixkit,
        log: (line: string) => io.stdout(`[${experiment.name}] ${line}`),
        save,
      };
      const rows = await executePlan(context);
      const done = rows.reduce((sum, row) => sum + row.runs.length, 0);
      io.stdout(
        `${experiment.name}: ${done} scored runs; results in ${markdownPath} and ${resultsPath}`,
      );
      return 0;
    } finally {
      removeStop?.();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `${experiment.name}: error: ${message}${typeof code === 'string' ? ` [${code}]` : ''}\n`,
    );
    return exitCodeOf(error);
  }
}

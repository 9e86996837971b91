// The one loop behind every experiment. For each selected row, in the plan's order:
//   1. its learning rate: tried on the dev subset when it has several (sweep runs, each trained
//      and scored on dev; chooseLearningRate keeps one), the one given, or another row's choice
//      (that row's sweep runs first if it has not yet);
//   2. its runs at that rate, one per replicate: trained (the sweep's run is reused), decoded and
//      scored on the test set.
// Rows left out by --rows are then only read (whatever earlier invocations finished), so the
// tables always show everything the run folder holds. After every step the results are saved
// (results.json and the Markdown, atomically): a stopped experiment shows what it has, and a
// rerun skips every finished step.
import { existsSync } from 'node:fs';
import { ExperimentUsageError } from '../errors';
import type { Settings } from '../experiments/experiment';
import { isSelected, learningRatesOf } from '../options/resolve-settings';
import { chooseLearningRate } from '../plan/choose-learning-rate';
import { finalRuns, type RunSpec, sweepRuns } from '../plan/expand-runs';
import type { Row } from '../plan/plan-types';
import type { LearningRateResult, RowResult, RunResult } from '../results/results-types';
import { keptParameters } from './kept-parameters';
import { readJson, runFiles, type ScoreRecord, type Split, type TrainRecord } from './run-files';
import { finishedScore, finishedTrain, type StepContext, scoreStep, trainStep } from './run-steps';

export interface ExecuteContext extends StepContext {
  readonly settings: Settings;
  /** Called after every step with the rows so far, in plan order. */
  readonly save: (rows: RowResult[], complete: boolean) => Promise<void>;
}

type Mode = 'run' | 'read';

function runResult(spec: RunSpec): RunResult {
  return {
    dir: spec.dir,
    ...(spec.learningRate === undefined ? {} : { learningRate: spec.learningRate }),
    ...(spec.replicate ? { replicate: spec.replicate.id } : {}),
  };
}

export async function executePlan(context: ExecuteContext): Promise<RowResult[]> {
  const { plan, settings } = context;
  const results = new Map<string, RowResult>();
  const choices = new Map<string, Promise<LearningRateResult | undefined>>();
  const ordered = () => plan.rows.flatMap((row) => results.get(row.id) ?? []);

  /**
   * A run's training, for scoring it on `split`: trained, or found finished; a run already scored
   * there needs only its training record, not its weights (a run folder copied back from a GPU
   * machine may leave large weights out).
   */
  const train = async (spec: RunSpec, mode: Mode, split: Split) => {
    const files = runFiles(context.runDir, spec.dir);
    const record: TrainRecord | undefined =
      (finishedScore(context, spec, split) && readJson<TrainRecord>(files.trainRecord)) ||
      (mode === 'run' ? await trainStep(context, spec) : finishedTrain(context, spec));
    if (!record) return undefined;
    const kept = keptParameters(files.final) ?? null;
    return { ...record.result, seconds: record.seconds, keptParameters: kept };
  };
  const score = async (spec: RunSpec, split: Split, mode: Mode) => {
    const record: ScoreRecord | undefined =
      mode === 'run' ? await scoreStep(context, spec, split) : finishedScore(context, spec, split);
    if (!record) return undefined;
    return { ...record.result, seconds: (record.generate.seconds ?? 0) + record.evaluate.seconds };
  };

  const rowResult = (row: Row): RowResult => {
    const existing = results.get(row.id);
    if (existing) return existing;
    const created: RowResult = {
      id: row.id,
      family: row.family,
      label: row.label,
      ...(row.cells ? { cells: row.cells } : {}),
      sweep: [],
      runs: [],
    };
    results.set(row.id, created);
    return created;
  };

  /** The row's learning rate (chosen undefined while its sweep is unfinished, in read mode). */
  const sweep = async (row: Row, mode: Mode): Promise<LearningRateResult | undefined> => {
    if (!row.train) return undefined;
    if (row.learningRateFrom) {
      const source = plan.rows.find((candidate) => candidate.id === row.learningRateFrom)!;
      const chosen = (await choose(source, mode))?.chosen;
      return {
        how: 'row',
        from: source.id,
        tried: [],
        ...(chosen === undefined ? {} : { chosen }),
      };
    }
    const rates = learningRatesOf(settings, row);
    if (rates.length === 0)
      throw new ExperimentUsageError(
        `row ${row.id} has no learning rate; pass --lr ${row.id}=RATE`,
      );
    if (rates.length === 1) return { how: 'fixed', chosen: rates[0]!, tried: rates };
    const result = rowResult(row);
    result.learningRate = { how: 'sweep', tried: rates };
    const points = [];
    for (const spec of sweepRuns(row, rates)) {
      const trained = await train(spec, mode, 'dev');
      const dev = trained && (await score(spec, 'dev', mode));
      if (!trained || !dev) return result.learningRate;
      result.sweep.push({ ...runResult(spec), train: trained, dev });
      points.push({
        learningRate: spec.learningRate!,
        devBleu: dev.scores.bleu?.score ?? Number.NEGATIVE_INFINITY,
        devLoss: trained.devLoss,
      });
      if (mode === 'run') await context.save(ordered(), false);
    }
    const choice = chooseLearningRate(points);
    if (mode === 'run')
      context.log(
        `${row.id}: learning rate ${choice.learningRate} chosen by dev BLEU (tried ${rates.join(', ')})${choice.atGridEdge ? '; it is at an end of the grid: a wider --lr may do better' : ''}`,
      );
    return {
      how: 'sweep',
      tried: rates,
      chosen: choice.learningRate,
      atGridEdge: choice.atGridEdge,
    };
  };

  const choose = (row: Row, mode: Mode) => {
    const known = choices.get(row.id);
    if (known) return known;
    const choice = sweep(row, mode);
    // A read-only look may be incomplete; only a run's choice is final.
    if (mode === 'run') choices.set(row.id, choice);
    return choice;
  };

  const finish = async (row: Row, mode: Mode) => {
    const learningRate = await choose(row, mode);
    const result = rowResult(row);
    if (learningRate) result.learningRate = learningRate;
    if (row.train && learningRate?.chosen === undefined) return;
    for (const spec of finalRuns(row, learningRate?.chosen)) {
      // The chosen sweep run is tested as it is, unless its weights are gone before its test.
      const swept = result.sweep.find((run) => run.dir === spec.dir)?.train;
      const reused =
        swept &&
        (existsSync(runFiles(context.runDir, spec.dir).final) ||
          finishedScore(context, spec, 'test'))
          ? swept
          : undefined;
      const trained = row.train ? (reused ?? (await train(spec, mode, 'test'))) : undefined;
      if (row.train && !trained) return;
      const test = await score(spec, 'test', mode);
      if (!test) return;
      result.runs.push({ ...runResult(spec), ...(trained ? { train: trained } : {}), test });
      if (mode === 'run') await context.save(ordered(), false);
    }
  };

  for (const row of plan.rows) if (isSelected(settings, row)) await finish(row, 'run');
  for (const row of plan.rows) if (!isSelected(settings, row)) await finish(row, 'read');
  // Rows with nothing on disk yet are left out of the results.
  for (const [id, result] of results)
    if (result.sweep.length === 0 && result.runs.length === 0) results.delete(id);
  const rows = ordered();
  const complete = plan.rows.every((row) => {
    const result = results.get(row.id);
    const expected = row.train ? (row.replicates?.length ?? 1) : 1;
    return result !== undefined && result.runs.length === expected;
  });
  await context.save(rows, complete);
  return rows;
}

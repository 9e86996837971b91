// A row -> its training runs. The learning rates are tried on the row's first replicate (the
// sweep); the chosen one then runs every replicate, the first being the sweep's own run, so
// nothing is trained twice. Folders: runs/<row>/lr-<rate>[/<replicate>] (a replicate in the row's
// folder has none of its own), or runs/<row> for the model alone.
import { join } from 'node:path';
import type { Replicate, Row } from './plan-types';

/** One `prefixkit train` of a row (or, for the model alone, no training at all). */
export interface RunSpec {
  readonly row: Row;
  /** Undefined for the model alone. */
  readonly learningRate?: number;
  readonly replicate?: Replicate;
  /** Relative to the run folder. */
  readonly dir: string;
}

/** The folder of a run, relative to the experiment's run folder. */
export function runDir(row: Row, learningRate?: number, replicate?: Replicate): string {
  const parts = ['runs', row.id];
  if (learningRate !== undefined) parts.push(`lr-${learningRate}`);
  if (replicate && !replicate.inRowFolder) parts.push(replicate.id);
  return join(...parts);
}

const run = (row: Row, learningRate?: number, replicate?: Replicate): RunSpec => ({
  row,
  ...(learningRate === undefined ? {} : { learningRate }),
  ...(replicate ? { replicate } : {}),
  dir: runDir(row, learningRate, replicate),
});

/** The runs that compare learning rates (none when there is nothing to choose). */
export function sweepRuns(row: Row, learningRates: readonly number[]): RunSpec[] {
  if (!row.train || learningRates.length < 2) return [];
  return learningRates.map((rate) => run(row, rate, row.replicates?.[0]));
}

/** The runs whose test scores fill the table, at the chosen learning rate. */
export function finalRuns(row: Row, learningRate: number | undefined): RunSpec[] {
  if (!row.train) return [run(row)];
  const replicates = row.replicates ?? [undefined];
  return replicates.map((replicate) => run(row, learningRate, replicate));
}

// The files of one run under RUN_DIR/<run dir>/, and the records the driver keeps beside the
// CLI's own outputs. A step is done when its product exists: train/final/ (with train.json),
// <split>.txt (generate writes it atomically), <split>.json (written here atomically). So a
// rerun skips finished steps and never reads a half-written file.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '@prefixkit/errors/node';

export type Split = 'dev' | 'test';

export function runFiles(runDir: string, dir: string) {
  const root = join(runDir, dir);
  return {
    root,
    /** The `prefixkit train --output` folder. */
    train: join(root, 'train'),
    final: join(root, 'train', 'final'),
    latestCheckpoint: join(root, 'train', 'checkpoints', 'latest'),
    trainRecord: join(root, 'train.json'),
    outputs: (split: Split) => join(root, `${split}.txt`),
    scoreRecord: (split: Split) => join(root, `${split}.json`),
  };
}

/** What `prefixkit train --json` reports, as far as the tables use it. */
export interface TrainResult {
  /** Null when the record was rebuilt from the run folder (see recoverTrainRecord). */
  readonly trainableParameters: number | null;
  readonly baseParameters: number | null;
  readonly steps: number;
  readonly devLoss: number | null;
}

/** train.json: the command that finished the run, its wall time, and the CLI's result. */
export interface TrainRecord {
  readonly command: string;
  readonly seconds: number;
  /** The training was continued from a checkpoint (earlier time is not counted). */
  readonly resumed: boolean;
  readonly result: TrainResult;
}

/** One metric as `prefixkit evaluate --json` reports it. */
export interface MetricScore {
  readonly label: string;
  readonly score: number;
  readonly scale: string;
}

export type Scores = Readonly<Record<string, MetricScore>>;

/** What `prefixkit evaluate --json` reports, as far as the tables use it. */
export interface EvaluateResult {
  readonly inputs: number;
  readonly scores: Scores;
  readonly subsets?: Readonly<Record<string, { readonly inputs: number; readonly scores: Scores }>>;
}

/** <split>.json: both commands, their wall times (null: outputs made by an earlier invocation). */
export interface ScoreRecord {
  readonly generate: { readonly command: string; readonly seconds: number | null };
  readonly evaluate: { readonly command: string; readonly seconds: number };
  readonly result: EvaluateResult;
}

export function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

/** Writes JSON atomically (temporary sibling, fsync, rename), creating the folder. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

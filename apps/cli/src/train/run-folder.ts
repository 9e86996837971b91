// The run folder `prefixkit train` writes (docs in apps/cli/README.md, "train"):
//   config.json        the resolved options, method config and training config
//   log.jsonl          one JSON record per optimiser step and per evaluation
//   checkpoints/       step-N/ (trainer_state.json, trainable + optimizer safetensors), latest
//   final/             the trained prefix/adapter in PEFT layout
//   loss.svg           train and dev loss against the step
// Every file is written to a temporary name and renamed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { readUtf8File } from '../data/read-utf8-file';
import { InputFormatError } from '../errors';
import { lineChartSvg } from './svg-line-chart';

export const runFiles = {
  config: 'config.json',
  log: 'log.jsonl',
  checkpoints: 'checkpoints',
  final: 'final',
  plot: 'loss.svg',
} as const;

export type LogRecord =
  | {
      event: 'step';
      step: number;
      epoch: number;
      loss: number;
      learningRate: number;
      gradNorm: number | null;
      tokensPerSecond: number;
    }
  | { event: 'eval'; step: number; devLoss: number };

/** What config.json holds. */
export interface RunConfig {
  format: 'prefixkit-run';
  formatVersion: 1;
  /** The command's options as resolved (flags over --config over defaults). */
  options: Record<string, unknown>;
  model: { name: string; folder: string; config: Record<string, unknown> };
  method: unknown;
  training: unknown;
  data: { train: number; dev: number; overlong?: unknown };
}

/** Reads a run folder's config.json (for --resume). */
export function readRunConfig(run: string): RunConfig {
  const path = join(run, runFiles.config);
  if (!existsSync(path))
    throw new FileNotFoundError(
      path,
      'Resume needs the run folder of an earlier prefixkit train (--output).',
    );
  const parsed = JSON.parse(readUtf8File(path)) as RunConfig;
  if (parsed.format !== 'prefixkit-run' || parsed.formatVersion !== 1)
    throw new InputFormatError(
      `${path}, field format: expected "prefixkit-run" version 1, got ${JSON.stringify(parsed.format)} version ${JSON.stringify(parsed.formatVersion)}`,
    );
  return parsed;
}

/** The log's records, optionally only those up to `step` (a resumed run drops the rest). */
export function readLog(run: string, upToStep = Number.POSITIVE_INFINITY): LogRecord[] {
  const path = join(run, runFiles.log);
  if (!existsSync(path)) return [];
  return readUtf8File(path)
    .split('\n')
    .flatMap((line) => {
      // A process killed mid-append can leave a torn last line: it is dropped, not fatal.
      try {
        return line.trim() === '' ? [] : [JSON.parse(line) as LogRecord];
      } catch {
        return [];
      }
    })
    .filter((record) => record.step <= upToStep);
}

export function logText(records: readonly LogRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/** The training curve of a log as SVG. */
export function lossPlot(records: readonly LogRecord[], title: string): string {
  const train = records.flatMap((r) => (r.event === 'step' ? [[r.step, r.loss] as const] : []));
  const dev = records.flatMap((r) => (r.event === 'eval' ? [[r.step, r.devLoss] as const] : []));
  return lineChartSvg(
    [
      { name: 'train loss', points: train, color: '#1f77b4' },
      { name: 'dev loss', points: dev, color: '#d62728' },
    ],
    { title, xLabel: 'optimiser step', yLabel: 'cross-entropy (nats/token)' },
  );
}

// A finished training run without its train.json (the driver stopped between the CLI's exit and
// writing the record): the steps and last dev loss come from the run's log.jsonl; the parameter
// counts stay unknown (the table shows "-" for them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainRecord } from './run-files';

interface LogRecord {
  event: string;
  step: number;
  devLoss?: number;
}

export function recoverTrainRecord(trainFolder: string): TrainRecord {
  const log = join(trainFolder, 'log.jsonl');
  const records = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LogRecord)
    : [];
  const lastEval = records.filter((record) => record.event === 'eval').at(-1);
  const lastStep = records.filter((record) => record.event === 'step').at(-1);
  return {
    command: '(finished by an earlier invocation; record rebuilt from its log.jsonl)',
    seconds: 0,
    resumed: false,
    result: {
      trainableParameters: null,
      baseParameters: null,
      steps: lastStep?.step ?? 0,
      devLoss: lastEval?.devLoss ?? null,
    },
  };
}

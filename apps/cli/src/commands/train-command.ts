// `prefixkit train`: any @prefixkit/peft method on E2E, WebNLG, DART, XSUM or a JSONL file of
// pairs, from a model folder or hub id, with a config file or preset plus flag overrides. Writes
// a run folder (src/train/run-folder.ts); Ctrl-C / SIGTERM checkpoint and `--resume` continues.
import { defineCommand } from '../command';
import type { TrainResult } from '../train/run-training';
import { type TrainOptions, trainSchema } from '../train/train-options';

export const trainCommand = defineCommand<TrainOptions, TrainResult>({
  name: 'train',
  summary:
    'Train a prefix, adapter, LoRA or fine-tune of GPT-2 on a data set; writes a run folder.',
  description: [
    'Run folder: config.json (resolved options), log.jsonl, checkpoints/, final/ (PEFT layout), loss.svg.',
    "Presets with the paper's settings: --config train-e2e | train-webnlg | train-dart (flags override them).",
    'Ctrl-C or SIGTERM finishes the current step and saves a checkpoint (exit 130 / 143); --output RUN --resume continues it.',
    'A non-empty --output is refused unless --resume or --overwrite (which replaces only a previous run).',
  ].join('\n'),
  schema: trainSchema,
  examples: [
    'prefixkit train --config train-e2e --data packages/datasets/fixtures/e2e --epochs 1',
    'prefixkit train --task jsonl --data pairs.jsonl --method lora --method-options \'{"r":4}\'',
    'prefixkit train --task webnlg --low-data 100 --method adapter --output runs/webnlg-adapter',
    'prefixkit train --output runs/e2e-prefix --resume',
  ],
  load: async () => (await import('./train')).trainRun,
});

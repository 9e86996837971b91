// The E2E prefix shipped beside the embedded model (models/prefixkit-tiny/prefixes/e2e): trained
// by `prefixkit train` on the full E2E training set, which the quickstart's one-minute run on the
// 202-pair sample cannot match. The quickstart scores it as its own row, so the README's table
// shows what a real prefix-tuning run gives on this model. Its `training.json` says how
// it was made; the folder's README holds the command, the loss curve and the log.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigValidationError } from '@prefixkit/errors';
import type { Gpt2Model } from '@prefixkit/gpt2';
import type { PeftModel } from '@prefixkit/peft';
import { loadPeftDirectory } from '@prefixkit/peft/node';
import { describeError, validatorFor } from '../options/ajv';
import { defaultModelDir } from '../runtime/load-model';

export const shippedPrefixDir = join(defaultModelDir, 'prefixes', 'e2e');

/** How the shipped prefix was trained (`training.json`). */
export interface ShippedPrefixTraining {
  format: 'prefixkit-shipped-prefix';
  formatVersion: 1;
  method: string;
  trainPairs: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  warmupSteps: number;
  /** Dev loss at the last step (the run's first 100 dev pairs). */
  devLoss: number;
  command: string;
}

const trainingSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'format',
    'formatVersion',
    'method',
    'trainPairs',
    'steps',
    'batchSize',
    'learningRate',
    'warmupSteps',
    'devLoss',
    'command',
  ],
  properties: {
    format: { const: 'prefixkit-shipped-prefix' },
    formatVersion: { const: 1 },
    method: { type: 'string', minLength: 1 },
    trainPairs: { type: 'integer', minimum: 1 },
    steps: { type: 'integer', minimum: 1 },
    batchSize: { type: 'integer', minimum: 1 },
    learningRate: { type: 'number', exclusiveMinimum: 0 },
    warmupSteps: { type: 'integer', minimum: 0 },
    devLoss: { type: 'number', minimum: 0 },
    command: { type: 'string', minLength: 1 },
  },
} as const;

/** Reads and validates a shipped prefix's `training.json`. */
export async function readShippedTraining(directory: string): Promise<ShippedPrefixTraining> {
  const file = join(directory, 'training.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new ConfigValidationError(`is not readable JSON (${(cause as Error).message})`, {
      file,
      field: '',
    });
  }
  const validate = validatorFor(trainingSchema);
  if (!validate(json)) {
    const error = validate.errors![0]!;
    const field =
      error.keyword === 'required'
        ? `/${String(error.params.missingProperty)}`
        : error.instancePath;
    throw new ConfigValidationError(describeError(error), { file, field });
  }
  return json as ShippedPrefixTraining;
}

export interface ShippedPrefix {
  peft: PeftModel;
  training: ShippedPrefixTraining;
  directory: string;
}

/** The shipped prefix over `model`, or undefined when the folder is not there. */
export async function loadShippedPrefix(
  model: Gpt2Model,
  directory = shippedPrefixDir,
): Promise<ShippedPrefix | undefined> {
  if (!existsSync(join(directory, 'adapter_config.json'))) return undefined;
  const training = await readShippedTraining(directory);
  return { peft: await loadPeftDirectory(model, directory), training, directory };
}

// The options of `prefixkit train`: one JSON schema (validated with ajv, the source of --help
// and of what a --config file may hold). Training settings mirror @prefixkit/peft's
// TrainingConfig; when an option is left out, the trainer's own default (the paper's E2E
// settings) applies, and the run folder's config.json records the resolved values.
import { type OverlongPolicy, overlongPolicies } from '@prefixkit/datasets';
import { METHOD_NAMES, trainingConfigSchema } from '@prefixkit/peft/schemas';
import type { OptionSchema, OptionsSchema } from '../command';
import { taskNames } from '../data/task-data';
import { type BackendName, backendOption } from '../runtime/backend';

export const methodNames = METHOD_NAMES;
export type MethodOption = (typeof methodNames)[number];

export interface TrainOptions {
  model: string;
  method: MethodOption;
  task?: (typeof taskNames)[number];
  data?: string;
  devData?: string;
  output?: string;
  resume: boolean;
  overwrite: boolean;
  keepCheckpoints: number;
  init?: string;
  prefixLength?: number;
  methodOptions?: Record<string, unknown>;
  learningRate?: number;
  epochs?: number;
  maxSteps?: number;
  batchSize?: number;
  gradientAccumulationSteps?: number;
  warmupSteps?: number;
  weightDecay?: number;
  maxGradNorm?: number;
  seed?: number;
  lossReduction?: 'mean' | 'sum-per-sequence';
  evalEvery?: number;
  checkpointEvery?: number;
  earlyStoppingPatience?: number;
  lowData?: number;
  lowDataSample: number;
  maxTrainExamples?: number;
  maxDevExamples: number;
  overlong: OverlongPolicy;
  backend?: BackendName;
}

/** The TrainingConfig keys a flag sets one to one. */
export const trainingKeys = [
  'learningRate',
  'epochs',
  'maxSteps',
  'batchSize',
  'gradientAccumulationSteps',
  'warmupSteps',
  'weightDecay',
  'maxGradNorm',
  'seed',
  'lossReduction',
  'evalEvery',
  'checkpointEvery',
  'earlyStoppingPatience',
] as const;

/** An integer option; every one has a range, shown in --help and checked before anything runs. */
const integer = (description: string, minimum: number, maximum: number): OptionSchema => ({
  type: 'integer',
  description,
  minimum,
  maximum,
  'x-placeholder': 'N',
});

/** The most training or dev pairs an option can name. */
const maxExamples = 100_000_000;

/**
 * The trainer's own schema for a training option as a flag (bounds and help text live there),
 * without its default unless `overrides` gives one.
 */
export function trainingFlag(
  key: keyof typeof trainingConfigSchema.properties,
  overrides: Partial<OptionSchema> = {},
): OptionSchema {
  const {
    default: _default,
    type,
    ...option
  } = trainingConfigSchema.properties[key] as {
    default?: unknown;
    type?: string | readonly string[];
  } & Omit<OptionSchema, 'type'>;
  const single = Array.isArray(type) ? type.find((t) => t !== 'null') : (type ?? 'string');
  const flag = { ...option, type: single } as OptionSchema;
  if (flag.type === 'integer') flag['x-placeholder'] = 'N';
  return { ...flag, ...overrides };
}

// No defaults: a flag left out keeps the trainer's default, or on --resume the run's saved value.
const trainingFlags: OptionsSchema['properties'] = Object.fromEntries(
  trainingKeys.map((key) => [key, trainingFlag(key)]),
);

export const trainSchema: OptionsSchema = {
  type: 'object',
  properties: {
    model: {
      type: 'string',
      description:
        'GPT-2 to tune: a folder (config.json + model.safetensors) or a hub id (gpt2-medium, openai-community/gpt2).',
      default: 'prefixkit-tiny',
      'x-placeholder': 'FOLDER|ID',
    },
    method: {
      type: 'string',
      description: 'The @prefixkit/peft method.',
      enum: methodNames,
      default: 'prefix',
    },
    task: {
      type: 'string',
      description:
        'The data (required unless --resume): an official data set, or jsonl (a file of {"source","target"} lines).',
      enum: taskNames,
    },
    data: {
      type: 'string',
      description:
        "The task's folder of official files (default: <shared data>/<task>), or the .jsonl file for task jsonl.",
      'x-path': true,
      'x-placeholder': 'PATH',
    },
    devData: {
      type: 'string',
      description: 'Task jsonl: a .jsonl file of held-out pairs for the dev loss.',
      'x-path': true,
      'x-placeholder': 'FILE',
    },
    output: {
      type: 'string',
      description: 'The run folder (default runs/<task>-<method>).',
      'x-path': true,
      'x-placeholder': 'DIR',
    },
    resume: {
      type: 'boolean',
      description:
        "Continue the run in --output from its latest checkpoint, with the run's saved options.",
      default: false,
    },
    overwrite: {
      type: 'boolean',
      description:
        'Replace the run already in --output (its config, log, checkpoints, final/, plot); without it a non-empty --output is refused.',
      default: false,
    },
    keepCheckpoints: {
      ...integer(
        'Keep the newest N checkpoints in checkpoints/ and delete older ones (0: keep all).',
        0,
        1_000_000,
      ),
      default: 2,
    },
    init: {
      type: 'string',
      description:
        'Start from a prefix/adapter folder in PEFT layout (adapter_config.json + adapter_model.safetensors).',
      'x-path': true,
      'x-placeholder': 'DIR',
    },
    // The methods' own bound (prefix, embedding-only and infix configs in @prefixkit/peft).
    prefixLength: integer(
      'Prefix length (prefix, prefix-flat, embedding-only) or infix length (infix).',
      1,
      400,
    ),
    methodOptions: {
      type: 'object',
      description:
        'More method config fields as a JSON object, e.g. \'{"midDim":512}\' or \'{"parameterFraction":0.001}\'.',
    },
    ...trainingFlags,
    lowData: integer(
      'Low-data setting: train on a seeded sample of N training pairs (paper: 50-500).',
      1,
      maxExamples,
    ),
    lowDataSample: {
      ...integer('Which low-data sample (0-based; each has its own seed).', 0, 1_000_000),
      default: 0,
    },
    maxTrainExamples: integer('Use only the first N training pairs.', 1, maxExamples),
    maxDevExamples: {
      ...integer('Dev pairs for the dev loss (the first N).', 0, maxExamples),
      default: 200,
    },
    overlong: {
      type: 'string',
      description:
        "Pairs longer than the model's context (after the method's own positions): truncate (the paper's; refused if no target token would be left), drop, or error. The count is reported.",
      enum: overlongPolicies,
      default: 'truncate',
    },
    backend: backendOption,
  },
  // task is required unless --resume (the run's saved options hold it): checked in runTraining.
  additionalProperties: false,
};

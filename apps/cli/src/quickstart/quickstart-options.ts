// The options of `prefixkit quickstart`. Defaults are sized to finish in a few minutes on a
// 2-core machine through lavapipe (README, "quickstart"); the paper's own settings (5 epochs,
// batch 10, learning rate 5e-5, 100 new tokens) are for full-size runs with `prefixkit train`.
import type { OptionsSchema } from '../command';
import { type BackendName, backendOption } from '../runtime/backend';

export interface QuickstartOptions {
  model?: string;
  backend?: BackendName;
  evalMrs: number;
  epochs: number;
  maxSteps?: number;
  batchSize: number;
  learningRate: number;
  warmupSteps: number;
  prefixLength: number;
  midDim: number;
  numBeams: number;
  maxNewTokens: number;
  standIn: boolean;
  standInSteps: number;
  standInLearningRate: number;
  standInLayers: number;
  standInWidth: number;
  seed: number;
  output?: string;
}

const integer = (description: string, defaultValue: number, minimum = 1) => ({
  type: 'integer' as const,
  description,
  minimum,
  default: defaultValue,
  'x-placeholder': 'N',
});

export const quickstartSchema: OptionsSchema = {
  type: 'object',
  properties: {
    model: {
      type: 'string',
      description:
        'Any GPT-2 folder or hub id (on a GPU: gpt2-medium). Default: models/prefixkit-tiny, else a stand-in pretrained here.',
      'x-placeholder': 'FOLDER|ID',
    },
    backend: backendOption,
    evalMrs: integer('Held-out dev MRs to generate for and score (the sample has 50).', 10),
    epochs: integer('Prefix-tuning epochs over the 202 training pairs.', 2),
    maxSteps: {
      type: 'integer',
      description: 'Stop prefix-tuning after N steps instead.',
      minimum: 1,
      'x-placeholder': 'N',
    },
    batchSize: integer(
      'Training batch size (lavapipe binds at most 128 MiB: about 8 E2E rows of logits).',
      5,
    ),
    learningRate: {
      type: 'number',
      description:
        'Prefix-tuning peak learning rate (the paper: 5e-5, over 5 epochs of 42k pairs).',
      minimum: 0,
      default: 0.005,
    },
    warmupSteps: integer('Linear warm-up steps of the learning rate.', 10, 0),
    prefixLength: integer('Prefix length (the paper: 10 for E2E).', 10),
    midDim: integer('Width of the prefix MLP (the paper: 512).', 512),
    numBeams: integer('Beams (the paper: 5).', 5),
    maxNewTokens: integer('New tokens per output at most (the paper: 100).', 40),
    standInSteps: integer('Stand-in only: pretraining steps.', 120),
    standIn: {
      type: 'boolean',
      description: 'Use the stand-in (pretrained here) even when models/prefixkit-tiny exists.',
      default: false,
    },
    standInLearningRate: {
      type: 'number',
      description: 'Stand-in only: pretraining peak learning rate.',
      minimum: 0,
      default: 0.003,
    },
    standInLayers: integer('Stand-in only: layers.', 2),
    standInWidth: integer('Stand-in only: width (n_embd; 2 heads).', 64, 2),
    seed: integer('Seed of the stand-in, the prefix init and data order.', 101, 0),
    output: {
      type: 'string',
      description: 'Also write the outputs, the trained prefix (PEFT layout) and the table here.',
      'x-path': true,
      'x-placeholder': 'DIR',
    },
  },
  additionalProperties: false,
};

// The options of `prefixkit quickstart`. Defaults are sized to finish in a few minutes on a
// 2-core machine through lavapipe (apps/cli/README.md, "quickstart"); the paper's own settings (5 epochs,
// batch 10, learning rate 5e-5, 100 new tokens) are for full-size runs with `prefixkit train`.
import type { OptionsSchema } from '../command';
import { decodingFlag } from '../generate/generate-options';
import { type BackendName, backendOption } from '../runtime/backend';
import { trainingFlag } from '../train/train-options';

/** The methods the quickstart can train and score beside the no-prefix row. */
export const quickstartMethods = ['prefix', 'adapter', 'ft-full'] as const;
export type QuickstartMethod = (typeof quickstartMethods)[number];

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
  prefixMethod: 'prefix' | 'prefix-flat';
  initWords?: string;
  midDim: number;
  methods: QuickstartMethod[];
  adapterFraction: number;
  adapterLearningRate: number;
  ftLearningRate: number;
  numBeams: number;
  noRepeatNgramSize: number;
  maxNewTokens: number;
  shippedPrefix: boolean;
  seed: number;
  output?: string;
}

/** E2E's field names (9 GPT-2 tokens): measured better than a random init
 * (docs/experiments/2026-11-26-quickstart-prefix-settings.md). */
export const defaultInitWords = 'name area food price near customer rating family friendly';

const integer = (description: string, defaultValue: number, maximum: number) => ({
  type: 'integer' as const,
  description,
  minimum: 1,
  maximum,
  default: defaultValue,
  'x-placeholder': 'N',
});

export const quickstartSchema: OptionsSchema = {
  type: 'object',
  properties: {
    model: {
      type: 'string',
      description:
        'Any GPT-2 folder or hub id (on a GPU: gpt2-medium). Default: models/prefixkit-tiny.',
      'x-placeholder': 'FOLDER|ID',
    },
    backend: backendOption,
    evalMrs: integer('Held-out dev MRs to generate for and score (the sample has 50).', 20, 10_000),
    epochs: trainingFlag('epochs', {
      description: 'Prefix-tuning epochs over the 202 training pairs.',
      default: 2,
    }),
    maxSteps: trainingFlag('maxSteps', {
      description: 'Stop prefix-tuning after N steps instead.',
    }),
    batchSize: trainingFlag('batchSize', {
      description:
        'Training batch size (lavapipe binds at most 128 MiB: about 8 E2E rows of logits).',
      default: 5,
    }),
    learningRate: trainingFlag('learningRate', {
      description:
        'Prefix-tuning peak learning rate (the paper: 5e-5, over 5 epochs of 42k pairs).',
      default: 0.005,
    }),
    warmupSteps: trainingFlag('warmupSteps', {
      description: 'Linear warm-up steps of the learning rate.',
      default: 10,
    }),
    // The prefix methods' own bound (@prefixkit/peft prefix config).
    prefixLength: integer('Prefix length (the paper: 10 for E2E); --init-words sets it.', 10, 400),
    prefixMethod: {
      type: 'string',
      description: 'prefix: MLP reparameterisation (the paper); prefix-flat: activations directly.',
      enum: ['prefix', 'prefix-flat'],
      // Measured better with the word init on all five metrics
      // (docs/experiments/2026-11-26-quickstart-prefix-settings.md).
      default: 'prefix-flat',
    },
    initWords: {
      type: 'string',
      description:
        'Initialise the prefix with the frozen model\'s activations over these words (the paper\'s Section 7.2); the prefix length becomes their token count. "": random init of --prefix-length.',
      default: defaultInitWords,
      'x-placeholder': 'TEXT',
    },
    methods: {
      type: 'array',
      description:
        'Methods to train and score beside the no-prefix row (a small Table 2: prefix,adapter,ft-full).',
      items: { type: 'string', enum: quickstartMethods },
      maxItems: quickstartMethods.length,
      default: ['prefix'],
      'x-placeholder': 'METHODS',
    },
    adapterFraction: {
      type: 'number',
      description: 'adapter: size as a share of the model (the paper: 0.001 and 0.03).',
      minimum: 0,
      maximum: 1,
      default: 0.001,
    },
    adapterLearningRate: trainingFlag('learningRate', {
      description: 'adapter: peak learning rate.',
      default: 0.005,
    }),
    ftLearningRate: trainingFlag('learningRate', {
      description: 'ft-full: peak learning rate.',
      default: 0.0005,
    }),
    midDim: integer('Width of the prefix MLP (the paper: 512).', 512, 65_536),
    numBeams: decodingFlag('numBeams', { description: 'Beams (the paper: 5).', default: 5 }),
    maxNewTokens: decodingFlag('maxNewTokens', {
      description: 'New tokens per output at most (the paper: 100).',
      default: 40,
    }),
    noRepeatNgramSize: decodingFlag('noRepeatNgramSize', {
      description: 'No n-gram of this size repeats in an output, every row (0: off).',
      default: 0,
    }),
    shippedPrefix: {
      type: 'boolean',
      description:
        'With the embedded model: also score the prefix shipped beside it (models/prefixkit-tiny/prefixes/e2e, trained on the full E2E training set).',
      default: true,
    },
    seed: trainingFlag('seed', {
      description: 'Seed of the prefix init and data order.',
      default: 101,
    }),
    output: {
      type: 'string',
      description: 'Also write the outputs, the trained prefix (PEFT layout) and the table here.',
      'x-path': true,
      'x-placeholder': 'DIR',
    },
  },
  additionalProperties: false,
};

// The options every experiment command takes. Defaults size a run for prefixkit-tiny on a
// 2-core machine through lavapipe; an experiment may change a default (defaults in its module),
// and the flags scale it up on a GPU (--model gpt2-medium --steps ...).
import type { OptionTable } from './option-types';

const count = (description: string, minimum = 1): OptionTable[string] => ({
  type: 'integer',
  description,
  minimum,
  maximum: 100_000_000,
  placeholder: 'N',
});

export const commonOptions = {
  model: {
    type: 'string',
    description:
      'GPT-2 to tune: a model folder or a hub id (gpt2-medium on a GPU; set --lr for it too).',
    default: 'prefixkit-tiny',
    placeholder: 'FOLDER|ID',
  },
  data: {
    type: 'string',
    description:
      "Folder of the task's official files (default: <shared data>/<task>; PREFIXKIT_SHARED_DATA, else ../shared/data).",
    placeholder: 'DIR',
  },
  backend: {
    type: 'string',
    description: 'Where prefixkit computes (default: PREFIXKIT_BACKEND, else webgpu).',
    choices: ['webgpu', 'cpu'],
    placeholder: 'NAME',
  },
  steps: count('Optimiser steps of every training run.'),
  batchSize: { ...count('Training batch size.'), default: 5 },
  warmupSteps: count('Linear warm-up steps of every training run.', 0),
  seed: { ...count('Training seed (the paper: 101).', 0), default: 101 },
  checkpointEvery: {
    ...count('Checkpoint every N steps, so a stopped run resumes (0: only at the end).', 0),
    default: 250,
  },
  maxDevExamples: {
    ...count('Dev pairs for the dev loss at the end of each training run.', 0),
    default: 100,
  },
  devInputs: {
    ...count("The first N dev inputs, decoded and scored to choose each row's learning rate."),
    default: 50,
  },
  devEvery: {
    ...count(
      'Choose learning rates on every K-th dev input (then the first --dev-inputs of those). Default: spread over the dev file where its order groups inputs (WebNLG by size, DART by source), else 1.',
    ),
    placeholder: 'K',
  },
  testEvery: {
    ...count(
      'Decode and score only every K-th test input, spread over the test set (WebNLG keeps both its seen and unseen categories); before --test-inputs.',
    ),
    placeholder: 'K',
  },
  testInputs: count('Decode and score only the first N test inputs (default: all of them).'),
  numBeams: { ...count('Beam size of every decoding (the paper: 5).'), default: 5 },
  maxNewTokens: count('Most new tokens of every decoding (the paper allows 100).'),
  decodeBatchSize: { ...count('Inputs decoded together.'), default: 30 },
  lr: {
    type: 'string',
    description:
      'Learning rates to try for a row or a family of rows, e.g. --lr prefix=1e-4,3e-4,1e-3 (repeatable).',
    placeholder: 'ROW=LIST',
    repeatable: true,
  },
  rows: {
    type: 'strings',
    description: 'Run only these rows or families of rows (default: all).',
    placeholder: 'LIST',
  },
  dryRun: {
    type: 'boolean',
    description: 'Print the plan and the commands it would run, and run nothing.',
    default: false,
  },
  help: { type: 'boolean', description: 'Show this help.', default: false },
} as const satisfies OptionTable;

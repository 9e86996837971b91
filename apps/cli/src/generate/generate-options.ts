// The options of `prefixkit generate`: where inputs come from, the model and method, and every
// decoding option of @prefixkit/gpt2's generate() with the paper's defaults (gpt2/gen.py: beam 5,
// GPT-2's newline tokens 198 and 628 banned, up to 100 new tokens, min_length 5).
import type { OptionsSchema } from '../command';
import { taskNames } from '../data/task-data';
import { type BackendName, backendOption } from '../runtime/backend';

export interface GenerateCliOptions {
  model: string;
  adapter?: string;
  input?: string;
  inputs?: string;
  task?: (typeof taskNames)[number];
  data?: string;
  split: 'train' | 'dev' | 'test';
  maxInputs?: number;
  template: 'paper' | 'raw';
  output?: string;
  numBeams: number;
  maxNewTokens: number;
  minLength: number;
  minNewTokens: number;
  doSample: boolean;
  temperature: number;
  topK: number;
  topP: number;
  seed: number;
  bannedTokenIds: number[];
  noRepeatNgramSize: number;
  lengthPenalty: number;
  stopStrings?: string[];
  batchSize: number;
  backend?: BackendName;
}

const decoding: OptionsSchema['properties'] = {
  numBeams: {
    type: 'integer',
    description: 'Beams (1: greedy or sampling).',
    minimum: 1,
    default: 5,
  },
  maxNewTokens: { type: 'integer', description: 'New tokens at most.', minimum: 1, default: 100 },
  minLength: {
    type: 'integer',
    description: 'End-of-text is banned while prompt + output is shorter (HF min_length).',
    minimum: 0,
    default: 5,
  },
  minNewTokens: {
    type: 'integer',
    description: 'End-of-text is banned for this many new tokens (HF min_new_tokens).',
    minimum: 0,
    default: 0,
  },
  doSample: {
    type: 'boolean',
    description: 'Sample instead of argmax (needs --num-beams 1).',
    default: false,
  },
  temperature: { type: 'number', description: 'Sampling temperature.', minimum: 0, default: 1 },
  topK: {
    type: 'integer',
    description: 'Sampling: keep the k most likely tokens (0: off).',
    minimum: 0,
    default: 0,
  },
  topP: {
    type: 'number',
    description: 'Sampling: nucleus probability (1: off).',
    minimum: 0,
    maximum: 1,
    default: 1,
  },
  seed: { type: 'integer', description: 'Sampling seed.', minimum: 0, default: 0 },
  bannedTokenIds: {
    type: 'array',
    description: 'Token ids never generated (the paper bans the newlines 198 and 628).',
    items: { type: 'integer' },
    default: [198, 628],
    'x-placeholder': 'IDS',
  },
  noRepeatNgramSize: {
    type: 'integer',
    description: 'No n-gram of this size repeats (0: off).',
    minimum: 0,
    default: 0,
  },
  lengthPenalty: {
    type: 'number',
    description: 'Beam scores are sum(logp) / length ** this.',
    default: 1,
  },
  stopStrings: {
    type: 'array',
    description: 'Greedy/sampling: stop a row once its text contains one of these.',
    items: { type: 'string' },
    'x-placeholder': 'LIST',
  },
};

export const generateSchema: OptionsSchema = {
  type: 'object',
  properties: {
    model: {
      type: 'string',
      description: 'GPT-2 folder or hub id.',
      default: 'prefixkit-tiny',
      'x-placeholder': 'FOLDER|ID',
    },
    adapter: {
      type: 'string',
      description:
        "A trained prefix/adapter/LoRA in PEFT layout (a run's final/ folder); without it the plain model decodes.",
      'x-path': true,
      'x-placeholder': 'DIR',
    },
    input: {
      type: 'string',
      description: 'One input (a linearised source, e.g. "name : Aromi | Type : pub").',
      'x-placeholder': 'TEXT',
    },
    inputs: {
      type: 'string',
      description: 'A text file of inputs, one per line.',
      'x-path': true,
      'x-placeholder': 'FILE',
    },
    task: {
      type: 'string',
      description:
        "Decode a whole split of this data set (its unique inputs, in the references' order).",
      enum: taskNames,
    },
    data: {
      type: 'string',
      description:
        "With --task: the data set's folder (default <shared data>/<task>) or .jsonl file.",
      'x-path': true,
      'x-placeholder': 'PATH',
    },
    split: {
      type: 'string',
      description: 'With --task: which split.',
      enum: ['train', 'dev', 'test'],
      default: 'test',
    },
    maxInputs: {
      type: 'integer',
      description: 'Only the first N inputs.',
      minimum: 1,
      'x-placeholder': 'N',
    },
    template: {
      type: 'string',
      description:
        "paper: prompt ' INPUT <|endoftext|>' (how every method here is trained); raw: the input as is.",
      enum: ['paper', 'raw'],
      default: 'paper',
    },
    output: {
      type: 'string',
      description: 'Write the outputs here, one per line (default: stdout).',
      'x-path': true,
      'x-placeholder': 'FILE',
    },
    ...decoding,
    batchSize: {
      type: 'integer',
      description: 'Inputs decoded together (results do not depend on it).',
      minimum: 1,
      default: 8,
    },
    backend: backendOption,
  },
  additionalProperties: false,
};

// The options of `prefixkit generate`: where inputs come from, the model and method, and every
// decoding option of @prefixkit/gpt2's generate() with the paper's defaults (gpt2/gen.py: beam 5,
// GPT-2's newline tokens 198 and 628 banned, up to 100 new tokens, min_length 5).
import { paperBannedTokenIds } from '@prefixkit/datasets';
import { type GenerateDataOptionName, generateOptionsSchema } from '@prefixkit/gpt2/options';
import type { OptionSchema, OptionsSchema } from '../command';
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
  every?: number;
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
  stopStrings: string[];
  batchSize: number;
  backend?: BackendName;
}

/** The paper's decoding (gpt2/gen.py) where it differs from generate()'s HF defaults. */
const paperDefaults: Partial<Record<DecodingOptionName, unknown>> = {
  numBeams: 5,
  maxNewTokens: 100,
  minLength: 5,
  bannedTokenIds: [...paperBannedTokenIds],
};

const decodingOptionNames = [
  'numBeams',
  'maxNewTokens',
  'minLength',
  'minNewTokens',
  'doSample',
  'temperature',
  'topK',
  'topP',
  'seed',
  'bannedTokenIds',
  'noRepeatNgramSize',
  'lengthPenalty',
  'stopStrings',
] as const satisfies readonly GenerateDataOptionName[];
type DecodingOptionName = (typeof decodingOptionNames)[number];

const placeholders: Partial<Record<DecodingOptionName, string>> = {
  bannedTokenIds: 'IDS',
  stopStrings: 'LIST',
};

/** The decoding options among the parsed flags, as generate() takes them. */
export function decodingOptionsOf(
  options: GenerateCliOptions,
): Pick<GenerateCliOptions, DecodingOptionName> {
  return Object.fromEntries(decodingOptionNames.map((name) => [name, options[name]])) as Pick<
    GenerateCliOptions,
    DecodingOptionName
  >;
}

/** generate()'s own schema for a decoding option as a flag (bounds and help text live there). */
export function decodingFlag(
  name: GenerateDataOptionName,
  overrides: Partial<OptionSchema> = {},
): OptionSchema {
  const { default: hfDefault, ...option } = generateOptionsSchema.properties[name] as {
    default?: unknown;
  } & OptionSchema;
  const fallback = name in paperDefaults ? paperDefaults[name as DecodingOptionName] : hfDefault;
  return {
    ...option,
    ...(fallback === undefined ? {} : { default: fallback }),
    ...(placeholders[name as DecodingOptionName]
      ? { 'x-placeholder': placeholders[name as DecodingOptionName] }
      : {}),
    ...overrides,
  };
}

const decoding: OptionsSchema['properties'] = Object.fromEntries(
  decodingOptionNames.map((name) => [name, decodingFlag(name)]),
);

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
    every: {
      type: 'integer',
      description:
        'Only every K-th input: the 1st, the (K+1)-th, ... (spread over the whole split; before --max-inputs).',
      minimum: 1,
      maximum: 100_000_000,
      'x-placeholder': 'K',
    },
    maxInputs: {
      type: 'integer',
      description: 'Only the first N inputs (of those --every keeps).',
      minimum: 1,
      maximum: 100_000_000,
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
      maximum: 1_024,
      default: 8,
    },
    backend: backendOption,
  },
  additionalProperties: false,
};

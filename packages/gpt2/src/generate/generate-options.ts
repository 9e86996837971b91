// The options of generate() with their defaults (HF `generate` names in camelCase, HF defaults),
// and their validation. Decoding: greedy (default), sampling (doSample) or beam search
// (numBeams > 1); docs/reference/REFERENCE-SPEC.md "Greedy decoding" and "Beam search".
import type { Tensor } from '@prefixkit/tensor';
import { Ajv, type ErrorObject } from 'ajv';
import type { Gpt2Config } from '../config/gpt2-config';
import type { LayerKeyValue } from '../model/attention';
import type { Gpt2Hooks } from '../model/block';
import { GenerateOptionsError } from './generate-errors';
import { generateOptionsSchema } from './generate-options-schema';

export interface GenerateOptions {
  /** New tokens at most (HF max_new_tokens). Default 20. */
  readonly maxNewTokens?: number;
  /** eos is banned while prompt + generated is shorter than this (HF min_length). Default 0. */
  readonly minLength?: number;
  /** eos is banned for the first this-many new tokens (HF min_new_tokens). Default 0. */
  readonly minNewTokens?: number;
  /** Beams; 1 (default) is greedy or sampling. The paper decodes E2E with 5. */
  readonly numBeams?: number;
  /** Sample instead of taking the argmax. Default false. Not with beams. */
  readonly doSample?: boolean;
  /** Sampling: logits are divided by this first. Default 1. */
  readonly temperature?: number;
  /** Sampling: keep the k most likely tokens (ties at the k-th kept); 0 = off (default). */
  readonly topK?: number;
  /** Sampling: keep the smallest top set with probability >= topP; 1 = off (default). */
  readonly topP?: number;
  /** Sampling: the seed of the generator, so runs repeat exactly. Default 0. */
  readonly seed?: number;
  /** Tokens never generated (the paper bans GPT-2's newlines 198 and 628). */
  readonly bannedTokenIds?: readonly number[];
  /** No n-gram of this size appears twice in prompt + output (HF no_repeat_ngram_size); 0 = off. */
  readonly noRepeatNgramSize?: number;
  /** Beam scores are sum(logp) / length ** lengthPenalty (full length, HF <= 4.35). Default 1. */
  readonly lengthPenalty?: number;
  /** End-of-sequence id(s); default config.eos_token_id; null = none. */
  readonly eosTokenId?: number | readonly number[] | null;
  /** Filler for left padding and finished rows; default the first eos id (as HF GPT-2), else 0. */
  readonly padTokenId?: number;
  /** Greedy and sampling: a row stops once its decoded output contains one of these. */
  readonly stopStrings?: readonly string[];
  /** Turns token ids into text; required with stopStrings (e.g. tokenizer.decode). */
  readonly decode?: (tokens: readonly number[]) => string;
  /** Per-layer prefix keys/values [1 or B, NH, P, HS]; copied (and reordered) with the beams. */
  readonly past?: readonly LayerKeyValue[];
  /** Real tokens take positions from 0 instead of after the prefix. Default false. */
  readonly positionsFromZero?: boolean;
  /** Adapter hooks, passed to every forward. */
  readonly hooks?: Gpt2Hooks;
  /** Soft-prompt rows [E, C] or [1, E, C] before each prompt (embedding-only ablation). */
  readonly inputEmbeddingsPrefix?: Tensor;
  /** Keys/values placed right after each prompt's first separator token (the infix ablation). */
  readonly infix?: InfixDecoding;
  /** Greedy and sampling: called after every step with each row's generated tokens so far. */
  readonly onStep?: (generated: readonly (readonly number[])[]) => void;
  /** Checked between steps: once aborted, generate() rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * The paper's [x; INFIX; y] at decoding time: x (the prompt up to and including its first
 * `separatorTokenId`) runs alone, the infix's per-layer keys/values [1, NH, P, HS] join the cache
 * after it, and y (the rest of the prompt, then the generated tokens) takes positions from
 * len(x) + P on. As in training, the token after x is predicted from x alone.
 */
export interface InfixDecoding {
  readonly keyValues: readonly LayerKeyValue[];
  readonly separatorTokenId: number;
}

/** What a trained method adds to generate(): the options through which it acts on decoding. */
export type MethodDecodingOptions = Pick<
  GenerateOptions,
  'past' | 'positionsFromZero' | 'hooks' | 'inputEmbeddingsPrefix' | 'infix'
>;

/** Options with defaults filled in and checked against the model's config. */
export interface ResolvedGenerateOptions {
  readonly maxNewTokens: number;
  readonly minLength: number;
  readonly minNewTokens: number;
  readonly numBeams: number;
  readonly doSample: boolean;
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  readonly seed: number;
  readonly bannedTokenIds: readonly number[];
  readonly noRepeatNgramSize: number;
  readonly lengthPenalty: number;
  readonly eosTokenIds: readonly number[];
  readonly padTokenId: number;
  readonly stopStrings: readonly string[];
  readonly decode: ((tokens: readonly number[]) => string) | undefined;
  readonly onStep: GenerateOptions['onStep'];
  readonly signal: AbortSignal | undefined;
}

const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: true });
const validateData = ajv.compile(generateOptionsSchema);

/** `/bannedTokenIds/0` -> `bannedTokenIds[0]`. */
function optionPath(instancePath: string, fallback: string): string {
  const [name, ...indices] = instancePath.split('/').slice(1);
  return name ? `${name}${indices.map((index) => `[${index}]`).join('')}` : fallback;
}

/** What the schema asked for, as a phrase ("an integer <= 64", "a number > 0"). */
function expectedOf(error: ErrorObject): string {
  const limit = (error.params as { limit?: number }).limit;
  switch (error.keyword) {
    case 'type':
      return `a value of type ${String((error.params as { type: string }).type)}`;
    case 'minimum':
      return `a value >= ${limit}`;
    case 'exclusiveMinimum':
      return `a value > ${limit}`;
    case 'maximum':
      return `a value <= ${limit}`;
    case 'maxItems':
      return `at most ${limit} items`;
    case 'minLength':
      return 'a non-empty string';
    case 'maxLength':
      return `at most ${limit} characters`;
    case 'additionalProperties':
      return 'a known option';
    default:
      return error.message ?? error.keyword;
  }
}

function valueAt(data: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .reduce((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

/** The plain-data options, validated against generateOptionsSchema, with defaults filled in. */
function dataOptions(options: GenerateOptions): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of Object.keys(generateOptionsSchema.properties)) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined) data[name] = Array.isArray(value) ? [...value] : value;
  }
  if (!validateData(data)) {
    const error = validateData.errors![0]!;
    const where = optionPath(error.instancePath, 'options');
    const got = valueAt(data, error.instancePath);
    throw new GenerateOptionsError(where, expectedOf(error), JSON.stringify(got) ?? String(got));
  }
  return data;
}

function tokenId(name: string, value: number, vocab: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= vocab)
    throw new GenerateOptionsError(name, `a token id in [0, ${vocab - 1}]`, String(value));
  return value;
}

/** Fills in defaults and validates; throws GenerateOptionsError naming the option. */
export function resolveGenerateOptions(
  options: GenerateOptions,
  config: Gpt2Config,
): ResolvedGenerateOptions {
  const vocab = config.vocab_size;
  const data = dataOptions(options) as Omit<
    ResolvedGenerateOptions,
    'eosTokenIds' | 'padTokenId' | 'decode'
  > &
    Pick<GenerateOptions, 'eosTokenId' | 'padTokenId'>;
  const eosOption = data.eosTokenId === undefined ? config.eos_token_id : data.eosTokenId;
  const eosList =
    eosOption === null ? [] : typeof eosOption === 'number' ? [eosOption] : [...eosOption];
  eosList.forEach((id, index) => {
    tokenId(`eosTokenId[${index}]`, id, vocab);
  });
  // HF accepts this and stops at maxNewTokens: the minimum would be dropped without a word.
  if (data.minNewTokens > data.maxNewTokens)
    throw new GenerateOptionsError(
      'minNewTokens',
      `at most maxNewTokens (${data.maxNewTokens})`,
      String(data.minNewTokens),
    );
  if (data.doSample && data.numBeams > 1)
    throw new GenerateOptionsError(
      'doSample',
      'false with numBeams > 1 (beam sampling is not supported)',
      'true',
    );
  if (data.stopStrings.length > 0 && data.numBeams > 1)
    throw new GenerateOptionsError(
      'stopStrings',
      'none with numBeams > 1 (beams end by eos or length only)',
      JSON.stringify(data.stopStrings),
    );
  if (data.stopStrings.length > 0 && !options.decode)
    throw new GenerateOptionsError('decode', 'a function (needed by stopStrings)', 'undefined');
  if (options.infix && (options.past || options.inputEmbeddingsPrefix))
    throw new GenerateOptionsError(
      'infix',
      'no past or inputEmbeddingsPrefix beside it (an infix model has neither)',
      options.past ? 'past' : 'inputEmbeddingsPrefix',
    );
  if (options.infix) tokenId('infix.separatorTokenId', options.infix.separatorTokenId, vocab);
  return {
    maxNewTokens: data.maxNewTokens,
    minLength: data.minLength,
    minNewTokens: data.minNewTokens,
    numBeams: data.numBeams,
    doSample: data.doSample,
    temperature: data.temperature,
    topK: data.topK,
    topP: data.topP,
    seed: data.seed,
    bannedTokenIds: data.bannedTokenIds.map((id, index) =>
      tokenId(`bannedTokenIds[${index}]`, id, vocab),
    ),
    noRepeatNgramSize: data.noRepeatNgramSize,
    lengthPenalty: data.lengthPenalty,
    eosTokenIds: eosList,
    padTokenId: tokenId('padTokenId', data.padTokenId ?? eosList[0] ?? 0, vocab),
    stopStrings: data.stopStrings,
    decode: options.decode,
    onStep: options.onStep,
    signal: options.signal,
  };
}

/** Checks prompts: at least one row, each with at least one token id of the vocabulary. */
export function checkPrompts(prompts: readonly (readonly number[])[], vocab: number): void {
  if (prompts.length === 0)
    throw new GenerateOptionsError('prompts', 'at least one prompt', 'none');
  prompts.forEach((prompt, row) => {
    if (prompt.length === 0)
      throw new GenerateOptionsError(`prompts[${row}]`, 'at least one token', 'an empty prompt');
    prompt.forEach((id, index) => {
      tokenId(`prompts[${row}][${index}]`, id, vocab);
    });
  });
}

/** With an infix, every prompt must hold its separator: the infix goes right after it. */
export function checkInfixPrompts(
  prompts: readonly (readonly number[])[],
  separatorTokenId: number,
): void {
  prompts.forEach((prompt, row) => {
    if (!prompt.includes(separatorTokenId))
      throw new GenerateOptionsError(
        `prompts[${row}]`,
        `the infix separator token ${separatorTokenId} (the infix goes right after it)`,
        'a prompt without it',
      );
  });
}

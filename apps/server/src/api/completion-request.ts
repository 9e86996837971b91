// The body of POST /v1/completions: OpenAI's completion fields plus prefixkit's decoding extras
// in snake_case. Every decoding field takes its bounds and help text from generate()'s own schema
// (@prefixkit/gpt2 generateOptionsSchema); only OpenAI's conventions differ: max_tokens defaults
// to 16, and temperature 0 means greedy decoding (any other value samples).
import { type GenerateOptions, generateOptionsSchema } from '@prefixkit/gpt2';

const gpt2 = generateOptionsSchema.properties;

/** snake_case request field -> generate() option, for the fields taken over as they are. */
const decodingFields = {
  top_p: 'topP',
  top_k: 'topK',
  seed: 'seed',
  num_beams: 'numBeams',
  min_new_tokens: 'minNewTokens',
  no_repeat_ngram_size: 'noRepeatNgramSize',
  length_penalty: 'lengthPenalty',
  banned_token_ids: 'bannedTokenIds',
} as const;

const promptText = { type: 'string', maxLength: 100_000 } as const;

// Without a seed, sampled requests draw one (OpenAI's behaviour): no default here.
const { default: _fixedSeed, ...seedField } = gpt2.seed;

export const completionRequestSchema = {
  $id: 'prefixkit/server/completion-request',
  type: 'object',
  additionalProperties: false,
  required: ['model', 'prompt'],
  properties: {
    model: { type: 'string', description: 'The base model id or an adapter id (see /v1/models).' },
    prompt: {
      description: 'One prompt, or several (one choice each, in order).',
      anyOf: [promptText, { type: 'array', items: promptText, minItems: 1, maxItems: 64 }],
    },
    max_tokens: { ...gpt2.maxNewTokens, default: 16 },
    temperature: {
      type: 'number',
      minimum: 0,
      maximum: gpt2.temperature.maximum,
      default: 1,
      description: 'Sampling temperature; 0 decodes greedily (argmax).',
    },
    ...(Object.fromEntries(
      Object.entries(decodingFields).map(([field, option]) => [field, gpt2[option]]),
    ) as { [F in keyof typeof decodingFields]: (typeof gpt2)[(typeof decodingFields)[F]] }),
    seed: seedField,
    stop: {
      description: 'Stop once the output contains one of these (not returned in the text).',
      anyOf: [gpt2.stopStrings.items, gpt2.stopStrings],
    },
    stream: { type: 'boolean', default: false, description: 'Server-sent events, one per token.' },
    stream_options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        include_usage: {
          type: 'boolean',
          default: false,
          description: 'A last chunk carrying usage.',
        },
      },
    },
    logprobs: {
      anyOf: [{ type: 'integer', minimum: 0, maximum: 5 }, { type: 'null' }],
      description: 'Report the log-probability of each token and this many alternatives.',
    },
    n: { type: 'integer', minimum: 1, maximum: 1, default: 1, description: 'Choices per prompt.' },
    template: {
      type: 'string',
      enum: ['paper', 'raw'],
      default: 'paper',
      description:
        "paper: the prompt becomes ' PROMPT <|endoftext|>' (how every adapter here is trained); raw: as is.",
    },
    user: { type: 'string', maxLength: 256, description: 'Ignored (OpenAI compatibility).' },
  },
} as const;

/** The request body after validation (defaults filled in). */
export interface CompletionRequest {
  model: string;
  prompt: string | string[];
  max_tokens: number;
  temperature: number;
  top_p?: number;
  top_k?: number;
  seed?: number;
  num_beams?: number;
  min_new_tokens?: number;
  no_repeat_ngram_size?: number;
  length_penalty?: number;
  banned_token_ids?: number[];
  stop?: string | string[];
  stream: boolean;
  stream_options?: { include_usage: boolean };
  logprobs?: number | null;
  n: number;
  template: 'paper' | 'raw';
  user?: string;
}

/** generate()'s options for a request (`decode` turns tokens into text for stop strings). */
export function generateOptionsFor(
  request: CompletionRequest,
  decode: (tokens: readonly number[]) => string,
): GenerateOptions {
  const options: Record<string, unknown> = {
    maxNewTokens: request.max_tokens,
    doSample: request.temperature > 0,
    ...(request.temperature > 0 ? { temperature: request.temperature } : {}),
  };
  for (const [field, option] of Object.entries(decodingFields)) {
    const value = request[field as keyof CompletionRequest];
    if (value !== undefined) options[option] = value;
  }
  if (request.temperature > 0 && request.seed === undefined)
    options.seed = Math.floor(Math.random() * 2 ** 32);
  const stop = request.stop === undefined ? [] : [request.stop].flat();
  if (stop.length > 0) Object.assign(options, { stopStrings: stop, decode });
  return options as GenerateOptions;
}

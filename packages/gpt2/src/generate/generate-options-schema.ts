// The JSON schema of generate()'s plain-data options: names (HF generate's, in camelCase),
// bounds, defaults (HF's) and help text, in one place. resolveGenerateOptions validates with it;
// the CLI's flags and the server's request fields are derived from it, so a bound or a default
// changes here only. Limits that keep one request's work bounded are part of it (numBeams,
// maxNewTokens, list lengths); the model-dependent checks (token ids < vocab) stay in code.
export const generateOptionsSchema = {
  $id: 'prefixkit/gpt2/generate-options',
  type: 'object',
  additionalProperties: false,
  properties: {
    maxNewTokens: {
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      default: 20,
      description: 'New tokens at most (HF max_new_tokens).',
    },
    minLength: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000,
      default: 0,
      description: 'End-of-text is banned while prompt + output is shorter (HF min_length).',
    },
    minNewTokens: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000,
      default: 0,
      description: 'End-of-text is banned for this many new tokens (HF min_new_tokens).',
    },
    numBeams: {
      type: 'integer',
      minimum: 1,
      maximum: 64,
      default: 1,
      description: 'Beams; 1 is greedy or sampling (the paper decodes with 5).',
    },
    doSample: {
      type: 'boolean',
      default: false,
      description: 'Sample instead of taking the argmax (not with beams).',
    },
    temperature: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1_000,
      default: 1,
      description: 'Sampling: logits are divided by this first.',
    },
    topK: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      description: 'Sampling: keep the k most likely tokens (0: off).',
    },
    topP: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      default: 1,
      description: 'Sampling: keep the smallest top set with this probability (1: off).',
    },
    seed: {
      type: 'integer',
      minimum: 0,
      maximum: 4_294_967_295,
      default: 0,
      description: 'Sampling: the seed of the generator, so runs repeat exactly.',
    },
    bannedTokenIds: {
      type: 'array',
      items: { type: 'integer', minimum: 0, maximum: 999_999 },
      maxItems: 100_000,
      default: [],
      description: 'Token ids never generated (the paper bans the newlines 198 and 628).',
    },
    noRepeatNgramSize: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000,
      default: 0,
      description: 'No n-gram of this size appears twice in prompt + output (0: off).',
    },
    lengthPenalty: {
      type: 'number',
      minimum: -100,
      maximum: 100,
      default: 1,
      description: 'Beam scores are sum(logp) / length ** this.',
    },
    eosTokenId: {
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 999_999 },
        { type: 'array', items: { type: 'integer', minimum: 0, maximum: 999_999 }, maxItems: 64 },
        { type: 'null' },
      ],
      description: "End-of-sequence id(s); default the model's eos_token_id; null: none.",
    },
    padTokenId: {
      type: 'integer',
      minimum: 0,
      maximum: 999_999,
      description: 'Filler for left padding and finished rows (default: the first eos id).',
    },
    stopStrings: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 1_000 },
      maxItems: 16,
      default: [],
      description: 'Greedy and sampling: a row stops once its output contains one of these.',
    },
  },
} as const;

/** The options the schema describes (plain data; generate() also takes tensors and functions). */
export type GenerateDataOptionName = keyof typeof generateOptionsSchema.properties;

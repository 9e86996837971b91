// The paper's EMBEDDING-ONLY ablation (Section 7.2): trainable rows [P, C] only at the input
// embedding layer (a soft prompt), passed as Gpt2Model's inputEmbeddingsPrefix; the soft prompt
// takes positions 0..P-1 and the tokens P, P+1, ... Init: N(0, initializer_range), or the
// embeddings of real words.
import type { Gpt2Config, Gpt2Model, IntMatrix } from '@prefixkit/gpt2';
import { validateConfig } from '../config/validate-config';
import { PeftConfigError } from '../errors';
import { trainableLeaf } from '../leaf';
import { ParameterStore } from '../parameter-store';
import type { CreateOptions, ParameterShape, PeftForwardOptions, PeftModel } from '../peft-model';
import { normalValues, SeededRandom } from '../random';

export interface EmbeddingOnlyConfig {
  method: 'embedding-only';
  prefixLength: number;
  init: 'random' | 'words';
  initWords?: string;
}

export const embeddingOnlySchema = {
  $id: 'prefixkit/peft/embedding-only',
  type: 'object',
  additionalProperties: false,
  required: ['method'],
  properties: {
    method: {
      const: 'embedding-only',
      description: "A trainable soft prompt at the input embeddings only (the paper's ablation).",
    },
    prefixLength: {
      type: 'integer',
      minimum: 1,
      maximum: 400,
      default: 10,
      description: 'Number of soft-prompt rows.',
    },
    init: {
      enum: ['random', 'words'],
      default: 'random',
      description: 'random: N(0, initializer_range); words: the token embeddings of initWords.',
    },
    initWords: {
      type: 'string',
      minLength: 1,
      description:
        'Text whose token embeddings initialise the rows; its token count must equal prefixLength.',
    },
  },
} as const;

export function parseEmbeddingOnlyConfig(
  json: unknown,
  file = 'embedding-only config',
): EmbeddingOnlyConfig {
  return validateConfig<EmbeddingOnlyConfig>(embeddingOnlySchema, json, file);
}

export function embeddingOnlyParameterShapes(
  model: Gpt2Config,
  config: EmbeddingOnlyConfig,
): ParameterShape[] {
  return [{ name: 'prompt_embeddings', shape: [config.prefixLength, model.n_embd] }];
}

export type EmbeddingOnlyModel = PeftModel<'embedding-only', EmbeddingOnlyConfig>;

export async function createEmbeddingOnly(
  base: Gpt2Model,
  json: unknown,
  options: CreateOptions = {},
): Promise<EmbeddingOnlyModel> {
  const config = parseEmbeddingOnlyConfig(json);
  const C = base.config.n_embd;
  const P = config.prefixLength;
  let data = normalValues(
    new SeededRandom(options.seed ?? 0),
    P * C,
    base.config.initializer_range,
  );
  if (config.init === 'words') {
    const ids = config.initWords && options.encode ? options.encode(config.initWords) : [];
    if (ids.length !== P)
      throw new PeftConfigError(
        'embedding-only config, field initWords',
        `${P} tokens (prefixLength) and an encode option`,
        `${ids.length} tokens`,
      );
    const wte = await base.parameters.get('transformer.wte.weight')!.data();
    data = new Float32Array(P * C);
    ids.forEach((id, row) => {
      data.set(wte.subarray(id * C, (id + 1) * C), row * C);
    });
  }
  const parameters = new ParameterStore([['prompt_embeddings', trainableLeaf(base, data, [P, C])]]);
  const rows = parameters.get('prompt_embeddings')!;
  return {
    method: 'embedding-only',
    config,
    base,
    parameters,
    forward: (
      ids: IntMatrix,
      { training: _t, dropoutSeed: _s, ...rest }: PeftForwardOptions = {},
    ) => base.forward(ids, { ...rest, inputEmbeddingsPrefix: rows }),
    decoding: () => ({ model: base, options: { inputEmbeddingsPrefix: rows }, dispose: () => {} }),
    dispose: () => parameters.dispose(),
  };
}

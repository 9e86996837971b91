// The paper's INFIX-TUNING ablation (Section 7.2, [x; INFIX; y]): trainable activations of P
// slots sit between the source x and the target y at every layer, so y attends to them and x
// cannot. Each row is run in two passes: x alone (its keys/values), then y with past =
// [x's keys/values; infix keys/values] and positions continuing after x and the P slots.
// The split is after the first separator token (the E2E/WebNLG/DART "<|endoftext|>" after the
// source). Rows are run one at a time (x lengths differ); the loss is computed over the batch
// exactly as Gpt2Model does it ('mean' over every counted token, or per-row sums).
import type { Gpt2Config, Gpt2Model, Gpt2Output, IntMatrix } from '@prefixkit/gpt2';
import {
  concat,
  crossEntropy,
  noGrad,
  reshape,
  slice,
  type Tensor,
  tensor,
  tidy,
} from '@prefixkit/tensor';
import { validateConfig } from '../config/validate-config';
import { PeftConfigError } from '../errors';
import { trainableLeaf } from '../leaf';
import { ParameterStore } from '../parameter-store';
import type { CreateOptions, ParameterShape, PeftForwardOptions, PeftModel } from '../peft-model';
import { prefixActivations, prefixParameterShapes } from '../prefix-tuning/prefix-encoder';
import { randomPrefixValues } from '../prefix-tuning/prefix-init';
import { disposeKeyValues, prefixKeyValues } from '../prefix-tuning/prefix-key-values';
import { SeededRandom } from '../random';

export interface InfixConfig {
  method: 'infix';
  infixLength: number;
  reparameterize: boolean;
  midDim: number;
  separatorTokenId: number;
}

export const infixSchema = {
  $id: 'prefixkit/peft/infix',
  type: 'object',
  additionalProperties: false,
  required: ['method'],
  properties: {
    method: {
      const: 'infix',
      description: 'Trainable activations between source and target ([x; INFIX; y]).',
    },
    infixLength: {
      type: 'integer',
      minimum: 1,
      maximum: 400,
      default: 10,
      description: 'Number of infix slots.',
    },
    reparameterize: {
      type: 'boolean',
      default: true,
      description: 'Train through the prefix MLP (true) or the activations directly.',
    },
    midDim: {
      type: 'integer',
      minimum: 1,
      maximum: 65_536,
      default: 512,
      description: 'MLP width when reparameterize is true.',
    },
    separatorTokenId: {
      type: 'integer',
      minimum: 0,
      maximum: 999_999,
      default: 50256,
      description: 'The infix goes right after the first occurrence of this token in each row.',
    },
  },
} as const;

export function parseInfixConfig(json: unknown, file = 'infix config'): InfixConfig {
  return validateConfig<InfixConfig>(infixSchema, json, file);
}

function encoderConfig(config: InfixConfig) {
  return {
    method: config.reparameterize ? ('prefix' as const) : ('prefix-flat' as const),
    prefixLength: config.infixLength,
    midDim: config.midDim,
  };
}

export function infixParameterShapes(model: Gpt2Config, config: InfixConfig): ParameterShape[] {
  return prefixParameterShapes(model, encoderConfig(config));
}

export type InfixModel = PeftModel<'infix', InfixConfig>;

export async function createInfix(
  base: Gpt2Model,
  json: unknown,
  options: CreateOptions = {},
): Promise<InfixModel> {
  const config = parseInfixConfig(json);
  const shapes = infixParameterShapes(base.config, config);
  const values = randomPrefixValues(shapes, new SeededRandom(options.seed ?? 0));
  const parameters = new ParameterStore(
    shapes.map(
      ({ name, shape }) => [name, trainableLeaf(base, values[name]!.data, shape)] as const,
    ),
  );
  const dims = {
    layers: base.config.n_layer,
    heads: base.config.n_head,
    channels: base.config.n_embd,
  };
  const P = config.infixLength;
  const infixKeyValues = () =>
    prefixKeyValues(
      reshape(
        prefixActivations(encoderConfig(config).method, (name) => parameters.get(name)!),
        [1, P, -1],
      ),
      dims,
    ); // (1, NH, P, HS) per layer

  const forward = (ids: IntMatrix, options: PeftForwardOptions = {}): Gpt2Output => {
    if (!Array.isArray(ids) || (options.labels !== undefined && !Array.isArray(options.labels))) {
      throw new PeftConfigError(
        'infix forward, argument ids',
        'host rows of token ids (and host labels)',
        'a tensor',
      );
    }
    if (options.attentionMask !== undefined || options.positionIds !== undefined) {
      throw new PeftConfigError(
        'infix forward',
        'no attentionMask / positionIds (rows are split and run one by one)',
        'one of them',
      );
    }
    const rows = ids as readonly (readonly number[])[];
    const infix = infixKeyValues();
    const logits = rows.map((row) => {
      const split = row.indexOf(config.separatorTokenId) + 1;
      if (split === 0 || split === row.length) return base.forward([row]).logits; // (1, T, V): no y
      const first = base.forward([row.slice(0, split)]); // x
      const past = first.cache.map((layer, l) => ({
        key: concat([layer.key, infix[l]!.key], 2), // (1, NH, Tx+P, HS)
        value: concat([layer.value, infix[l]!.value], 2),
      }));
      const second = base.forward([row.slice(split)], { past, positionOffset: split + P }); // y
      return concat([first.logits, second.logits], 1); // (1, T, V)
    });
    const all = concat(logits, 0); // (B, T, V)
    let loss: Tensor | null = null;
    if (options.labels !== undefined) {
      const labels = options.labels as readonly (readonly number[])[];
      const T = rows[0]!.length;
      const shifted = tensor(
        Int32Array.from(labels.flatMap((row) => [...row.slice(1), -100])),
        [rows.length, T],
        { backend: base.backend, dtype: 'i32' },
      ); // (B, T)
      if ((options.lossReduction ?? 'mean') === 'mean') loss = crossEntropy(all, shifted);
      else {
        const perRow = rows.map((_, b) =>
          reshape(
            crossEntropy(slice(all, 0, b, b + 1), slice(shifted, 0, b, b + 1), {
              reduction: 'sum',
            }),
            [1],
          ),
        );
        loss = concat(perRow, 0); // (B)
      }
    }
    return { logits: all, loss, cache: [] };
  };
  return {
    method: 'infix',
    config,
    base,
    parameters,
    forward,
    decoding() {
      const keyValues = noGrad(() => tidy(infixKeyValues));
      return {
        model: base,
        options: { infix: { keyValues, separatorTokenId: config.separatorTokenId } },
        dispose: () => disposeKeyValues(keyValues),
      };
    },
    dispose: () => parameters.dispose(),
  };
}

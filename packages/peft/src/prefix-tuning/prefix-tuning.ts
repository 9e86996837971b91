// Prefix-tuning over a frozen GPT-2 (Li & Liang 2021): trainable activations R [P, 2LC] become
// every layer's past keys/values, so each real token attends to P extra slots. Real tokens take
// positions P, P+1, ... by default (the paper's code; docs/reference/REFERENCE-SPEC.md "Position ids").
import type { Gpt2Model, Gpt2Output, IntMatrix, LayerKeyValue } from '@prefixkit/gpt2';
import { dropout, expand, keep, noGrad, reshape, type Tensor, tidy } from '@prefixkit/tensor';
import { PeftConfigError } from '../errors';
import { trainableLeaf } from '../leaf';
import { ParameterStore } from '../parameter-store';
import type { CreateOptions, PeftForwardOptions, PeftModel } from '../peft-model';
import { SeededRandom } from '../random';
import { type PrefixTuningConfig, parsePrefixTuningConfig } from './prefix-config';
import { prefixActivations, prefixParameterShapes } from './prefix-encoder';
import { fitOutputLayer, randomPrefixValues, wordActivations } from './prefix-init';
import { disposeKeyValues, prefixKeyValues } from './prefix-key-values';

export interface PrefixTuningModel extends PeftModel<'prefix' | 'prefix-flat', PrefixTuningConfig> {
  /** R [P, 2*L*C] as the current parameters give it (records the graph when they train). */
  activations(): Tensor;
  /** R computed without a graph: what is kept after training (the MLP is dropped). Caller disposes. */
  exportActivations(): Tensor;
  /** Per-layer keys/values [1, NH, P, HS] of the prefix (for generation). */
  keyValues(): LayerKeyValue[];
}

/**
 * Wraps a frozen GPT-2 with a trainable prefix (PEFT's get_peft_model for PREFIX_TUNING).
 * @example
 * const peft = await createPrefixTuning(model, { method: 'prefix', prefixLength: 10 });
 * const { loss } = tidy(() => peft.forward(ids, { labels }));
 */
export async function createPrefixTuning(
  base: Gpt2Model,
  json: unknown,
  options: CreateOptions = {},
): Promise<PrefixTuningModel> {
  const config = parsePrefixTuningConfig(json);
  const shapes = prefixParameterShapes(base.config, config);
  const values = randomPrefixValues(shapes, new SeededRandom(options.seed ?? 0));
  if (config.init === 'words') {
    if (!config.initWords || !options.encode) {
      throw new PeftConfigError(
        'prefix config, field initWords',
        'initWords and an `encode` option when init is "words"',
        config.initWords ? 'no encode option' : 'no initWords',
      );
    }
    const ids = options.encode(config.initWords);
    if (ids.length !== config.prefixLength) {
      throw new PeftConfigError(
        'prefix config, field prefixLength',
        `${ids.length} (the token count of initWords "${config.initWords}")`,
        String(config.prefixLength),
      );
    }
    const target = await wordActivations(base, ids);
    if (config.method === 'prefix-flat')
      values.control_trans = { shape: shapes[0]!.shape, data: Float32Array.from(target) };
    else fitOutputLayer(values, target);
  }
  const parameters = new ParameterStore(
    shapes.map(
      ({ name, shape }) => [name, trainableLeaf(base, values[name]!.data, shape)] as const,
    ),
  );
  const get = (name: string) => parameters.get(name)!;
  const dims = {
    layers: base.config.n_layer,
    heads: base.config.n_head,
    channels: base.config.n_embd,
  };
  const P = config.prefixLength;

  const activations = () => prefixActivations(config.method, get);
  const keyValues = () => prefixKeyValues(reshape(activations(), [1, P, -1]), dims);
  return {
    method: config.method,
    config,
    base,
    parameters,
    activations,
    exportActivations: () =>
      keep(
        noGrad(() =>
          tidy(() => {
            const r = activations();
            return r === get('control_trans') ? reshape(r, r.shape) : r;
          }),
        ),
      ),
    keyValues,
    decoding() {
      const past = noGrad(() => tidy(keyValues)); // (1, NH, P, HS) per layer
      return {
        model: base,
        options: { past, positionsFromZero: config.positions === 'from-zero' },
        dispose: () => disposeKeyValues(past),
      };
    },
    forward(ids: IntMatrix, forwardOptions: PeftForwardOptions = {}): Gpt2Output {
      const { training, dropoutSeed, ...rest } = forwardOptions;
      const batch = Array.isArray(ids) ? ids.length : (ids as Tensor).shape[0]!;
      let r = reshape(activations(), [1, P, -1]); // (1, P, 2LC)
      if (training && config.dropout > 0) {
        // The paper drops elements of the batch-expanded prefix: a different mask per row.
        r = dropout(expand(r, [batch, P, r.shape[2]!]), {
          p: config.dropout,
          seed: dropoutSeed ?? 0,
        }); // (B, P, 2LC)
      }
      const positionOffset =
        rest.positionOffset ?? (config.positions === 'from-zero' ? 0 : undefined);
      return base.forward(ids, {
        ...rest,
        past: prefixKeyValues(r, dims),
        ...(positionOffset === undefined ? {} : { positionOffset }),
      });
    },
    dispose: () => parameters.dispose(),
  };
}

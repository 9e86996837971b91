// Houlsby adapters (docs/reference/REFERENCE-SPEC.md "Adapters"): A(h) = h + up(gelu_new(down(h))) on the
// output of attention (after c_proj) and of the MLP (after c_proj) in every block, through
// Gpt2Model's hooks. nn.Linear layout: down.weight [m, C], up.weight [C, m]; y = x W^T + b.
import type { Gpt2Config, Gpt2Model, IntMatrix } from '@prefixkit/gpt2';
import { add, gelu, matmul, type Tensor } from '@prefixkit/tensor';
import { trainableLeaf } from '../leaf';
import { ParameterStore } from '../parameter-store';
import type { CreateOptions, ParameterShape, PeftForwardOptions, PeftModel } from '../peft-model';
import { normalValues, SeededRandom } from '../random';
import { type AdapterConfig, adapterBottleneck, parseAdapterConfig } from './adapter-config';

export type AdapterModel = PeftModel<'adapter', AdapterConfig & { bottleneck: number }>;

/** Names and shapes of every adapter tensor, from the configs alone. */
export function adapterParameterShapes(model: Gpt2Config, config: AdapterConfig): ParameterShape[] {
  const m = adapterBottleneck(model, config);
  const C = model.n_embd;
  const shapes: ParameterShape[] = [];
  for (let layer = 0; layer < model.n_layer; layer++) {
    for (const site of ['attn', 'mlp']) {
      const at = `layers.${layer}.${site}`;
      shapes.push(
        { name: `${at}.down.weight`, shape: [m, C] },
        { name: `${at}.down.bias`, shape: [m] },
        { name: `${at}.up.weight`, shape: [C, m] },
        { name: `${at}.up.bias`, shape: [C] },
      );
    }
  }
  return shapes;
}

/** One adapter on h [B, T, C]. */
function adapt(h: Tensor, get: (name: string) => Tensor, at: string): Tensor {
  const down = add(
    matmul(h, get(`${at}.down.weight`), { transposeB: true }),
    get(`${at}.down.bias`),
  ); // (B, T, m)
  const up = add(
    matmul(gelu(down), get(`${at}.up.weight`), { transposeB: true }),
    get(`${at}.up.bias`),
  ); // (B, T, C)
  return add(h, up); // (B, T, C)
}

/** Wraps a frozen GPT-2 with Houlsby adapters. */
export async function createAdapters(
  base: Gpt2Model,
  json: unknown,
  options: CreateOptions = {},
): Promise<AdapterModel> {
  const parsed = parseAdapterConfig(json);
  // The resolved width replaces the share it came from: a saved config then names exactly what
  // was trained (and stays valid: a config takes one of the two), whatever the base model.
  const { parameterFraction: _share, ...given } = parsed;
  const config = { ...given, bottleneck: adapterBottleneck(base.config, parsed) };
  const random = new SeededRandom(options.seed ?? 0);
  const parameters = new ParameterStore(
    adapterParameterShapes(base.config, config).map(({ name, shape }) => {
      const count = shape.reduce((a, b) => a * b, 1);
      const zero =
        config.init === 'zero-up' && (name.endsWith('bias') || name.endsWith('up.weight'));
      const data = zero ? new Float32Array(count) : normalValues(random, count, 0.02);
      return [name, trainableLeaf(base, data, shape)] as const;
    }),
  );
  const get = (name: string) => parameters.get(name)!;
  const hooks = {
    afterAttention: (layer: number, output: Tensor) => adapt(output, get, `layers.${layer}.attn`),
    afterMlp: (layer: number, output: Tensor) => adapt(output, get, `layers.${layer}.mlp`),
  };
  return {
    method: 'adapter',
    config,
    base,
    parameters,
    forward: (
      ids: IntMatrix,
      { training: _t, dropoutSeed: _s, ...rest }: PeftForwardOptions = {},
    ) => base.forward(ids, { ...rest, hooks }),
    decoding: () => ({ model: base, options: { hooks }, dispose: () => {} }),
    dispose: () => parameters.dispose(),
  };
}

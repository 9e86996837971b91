// A GPT-2 with random weights, initialised as GPT-2 / Hugging Face's GPT2PreTrainedModel does
// (`_init_weights`): every Linear/Conv1D weight and both embeddings ~ N(0, initializer_range),
// biases 0, LayerNorm weight 1 / bias 0, and the residual projections (`attn.c_proj.weight`,
// `mlp.c_proj.weight`) ~ N(0, initializer_range / sqrt(2 * n_layer)) (GPT-2 paper, section 2.3:
// "scale the weights of residual layers at initialization by 1/sqrt(N)", N residual layers).
import { type Gpt2Config, Gpt2Model, gpt2ParameterSpecs } from '@prefixkit/gpt2';
import type { Backend } from '@prefixkit/tensor';
import { SeededRandom } from './random';

/** The std of one parameter's initial values (0 = constant, see `randomGpt2Parameters`). */
export function initialStd(config: Gpt2Config, name: string): number {
  if (name.endsWith('.bias') || name.includes('.ln_') || name.startsWith('transformer.ln_f'))
    return 0;
  const std = config.initializer_range;
  if (name.endsWith('c_proj.weight')) return std / Math.sqrt(2 * config.n_layer);
  return std;
}

/**
 * Fresh host values of every GPT-2 parameter (HF names, canonical order) from a seeded
 * generator: the same seed always gives the same model.
 * @example const parameters = randomGpt2Parameters(config, { seed: 1 });
 */
export function randomGpt2Parameters(
  config: Gpt2Config,
  options: { seed: number },
): Map<string, Float32Array> {
  const random = new SeededRandom(options.seed);
  const out = new Map<string, Float32Array>();
  for (const { name, shape } of gpt2ParameterSpecs(config)) {
    const count = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(count);
    const std = initialStd(config, name);
    const isLayerNormScale =
      name.endsWith('.weight') && (name.includes('.ln_') || name.startsWith('transformer.ln_f'));
    if (isLayerNormScale) values.fill(1);
    else if (std > 0) for (let k = 0; k < count; k++) values[k] = random.normal() * std;
    out.set(name, values);
  }
  return out;
}

/**
 * A randomly initialised GPT-2 on `options.backend` (frozen parameters, like a loaded one):
 * the starting point of pretraining, and the untrained baseline of tests.
 */
export function createRandomGpt2(
  config: Gpt2Config,
  options: { backend: Backend; seed: number },
): Promise<Gpt2Model> {
  const parameters = randomGpt2Parameters(config, options);
  return Gpt2Model.fromCheckpoint(
    { config, metadata: {}, parameters },
    { backend: options.backend },
  );
}

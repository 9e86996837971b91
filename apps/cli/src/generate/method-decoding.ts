// What generate() needs to decode with a trained method: the model to run and the extra
// GenerateOptions (a prefix's past keys/values, adapter hooks, a soft prompt), computed once
// without a graph. @prefixkit/peft exposes forward() for training but no generation inputs, so
// the adapter hooks (h + up(gelu(down(h))), shared/REFERENCE-SPEC.md "Adapters") and the LoRA
// merge (W + (B A)^T alpha / r) are rebuilt here from the method's saved tensors.
import type { GenerateOptions, Gpt2Model } from '@prefixkit/gpt2';
import type { PeftModel } from '@prefixkit/peft';
import type { Tensor } from '@prefixkit/tensor';
import { UsageError } from '../errors';

export interface DecodingSetup {
  model: Gpt2Model;
  options: Pick<GenerateOptions, 'past' | 'positionsFromZero' | 'hooks' | 'inputEmbeddingsPrefix'>;
}

/** The model and generate() options that decode with `peft` (or the plain model). */
export async function decodingSetup(base: Gpt2Model, peft?: PeftModel): Promise<DecodingSetup> {
  if (!peft) return { model: base, options: {} };
  const tensor = await import('@prefixkit/tensor');
  const gpt2 = await import('@prefixkit/gpt2');
  const get = (name: string): Tensor => peft.parameters.get(name)!;
  return tensor.noGrad(() => {
    switch (peft.method) {
      case 'prefix':
      case 'prefix-flat': {
        const prefix = peft as PeftModel & {
          keyValues(): NonNullable<GenerateOptions['past']>;
          config: { positions?: string };
        };
        return {
          model: base,
          options: {
            past: prefix.keyValues(),
            positionsFromZero: prefix.config.positions === 'from-zero',
          },
        };
      }
      case 'embedding-only':
        return { model: base, options: { inputEmbeddingsPrefix: get('prompt_embeddings') } };
      case 'adapter': {
        const { add, gelu, matmul } = tensor;
        const adapt = (h: Tensor, at: string) => {
          const down = add(
            matmul(h, get(`${at}.down.weight`), { transposeB: true }),
            get(`${at}.down.bias`),
          ); // (B, T, m)
          const up = add(
            matmul(gelu(down), get(`${at}.up.weight`), { transposeB: true }),
            get(`${at}.up.bias`),
          ); // (B, T, C)
          return add(h, up); // (B, T, C)
        };
        return {
          model: base,
          options: {
            hooks: {
              afterAttention: (layer: number, h: Tensor) => adapt(h, `layers.${layer}.attn`),
              afterMlp: (layer: number, h: Tensor) => adapt(h, `layers.${layer}.mlp`),
            },
          },
        };
      }
      case 'lora': {
        const config = peft.config as { r: number; alpha: number; targetModules: string[] };
        const weights = new Map<string, Tensor>(base.parameters);
        for (let layer = 0; layer < base.config.n_layer; layer++) {
          for (const target of config.targetModules) {
            const at = `transformer.h.${layer}.${target}`;
            const delta = tensor.matmul(get(`${at}.lora_A.weight`), get(`${at}.lora_B.weight`), {
              transposeA: true,
              transposeB: true,
            }); // (in, out)
            weights.set(
              `${at}.weight`,
              tensor.add(
                base.parameters.get(`${at}.weight`)!,
                tensor.scale(delta, config.alpha / config.r),
              ),
            ); // (in, out)
          }
        }
        return { model: new gpt2.Gpt2Model(base.config, weights), options: {} };
      }
      case 'ft-full':
      case 'ft-top2':
        return { model: (peft as PeftModel & { tuned: Gpt2Model }).tuned, options: {} };
      default:
        throw new UsageError(
          'CLI_BAD_OPTION_VALUE',
          `--adapter: generation with method '${peft.method}' is not supported (its activations sit between the input and the output, which @prefixkit/gpt2's cached decoding cannot place); evaluate it by its loss instead`,
        );
    }
  });
}

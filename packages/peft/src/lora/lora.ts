// LoRA (Hu et al. 2021; not in the paper, users expect it) on GPT-2's Conv1D layers, in PEFT's
// layout: lora_A.weight [r, in], lora_B.weight [out, r], delta = (B A)^T * alpha / r added to the
// Conv1D weight [in, out] (PEFT's fan_in_fan_out = true for GPT-2). Init as PEFT: A ~
// kaiming-uniform(a = sqrt 5) = U(+-1/sqrt(in)), B = 0, so training starts at the plain LM.
// Each forward builds the merged weights W + delta (recorded for autograd) in a model view;
// decoding builds them once, without a graph.
import { type Gpt2Config, Gpt2Model, gpt2ParameterSpecs, type IntMatrix } from '@prefixkit/gpt2';
import { add, matmul, noGrad, scale, type Tensor, tidy } from '@prefixkit/tensor';
import { validateConfig } from '../config/validate-config';
import { trainableLeaf } from '../leaf';
import { ParameterStore } from '../parameter-store';
import type { CreateOptions, ParameterShape, PeftForwardOptions, PeftModel } from '../peft-model';
import { SeededRandom, uniformValues } from '../random';

export interface LoraConfig {
  method: 'lora';
  r: number;
  alpha: number;
  targetModules: ('attn.c_attn' | 'attn.c_proj' | 'mlp.c_fc' | 'mlp.c_proj')[];
}

export const loraSchema = {
  $id: 'prefixkit/peft/lora',
  type: 'object',
  additionalProperties: false,
  required: ['method'],
  properties: {
    method: { const: 'lora', description: 'Low-rank updates of GPT-2 Conv1D weights.' },
    r: {
      type: 'integer',
      minimum: 1,
      maximum: 65_536,
      default: 8,
      description: 'Rank of each update.',
    },
    alpha: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 16,
      description: 'Scale numerator: the update is multiplied by alpha / r (PEFT lora_alpha).',
    },
    targetModules: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: ['attn.c_attn', 'attn.c_proj', 'mlp.c_fc', 'mlp.c_proj'] },
      default: ['attn.c_attn'],
      description:
        'Which Conv1D layers of every block get an update (PEFT target_modules; GPT-2 default c_attn).',
    },
  },
} as const;

export function parseLoraConfig(json: unknown, file = 'lora config'): LoraConfig {
  return validateConfig<LoraConfig>(loraSchema, json, file);
}

/** PEFT-style names `transformer.h.{i}.attn.c_attn.lora_A.weight` and shapes. */
export function loraParameterShapes(model: Gpt2Config, config: LoraConfig): ParameterShape[] {
  const shapes: ParameterShape[] = [];
  const specs = new Map(gpt2ParameterSpecs(model).map((spec) => [spec.name, spec.shape]));
  for (let layer = 0; layer < model.n_layer; layer++) {
    for (const target of config.targetModules) {
      const [fanIn, fanOut] = specs.get(`transformer.h.${layer}.${target}.weight`)! as [
        number,
        number,
      ];
      const at = `transformer.h.${layer}.${target}`;
      shapes.push(
        { name: `${at}.lora_A.weight`, shape: [config.r, fanIn] },
        { name: `${at}.lora_B.weight`, shape: [fanOut, config.r] },
      );
    }
  }
  return shapes;
}

export type LoraModel = PeftModel<'lora', LoraConfig>;

/** Wraps a frozen GPT-2 with LoRA updates. */
export async function createLora(
  base: Gpt2Model,
  json: unknown,
  options: CreateOptions = {},
): Promise<LoraModel> {
  const config = parseLoraConfig(json);
  const random = new SeededRandom(options.seed ?? 0);
  const parameters = new ParameterStore(
    loraParameterShapes(base.config, config).map(({ name, shape }) => {
      const count = shape[0]! * shape[1]!;
      const data = name.includes('lora_A')
        ? uniformValues(random, count, 1 / Math.sqrt(shape[1]!))
        : new Float32Array(count);
      return [name, trainableLeaf(base, data, shape)] as const;
    }),
  );
  const scaling = config.alpha / config.r;
  /** The targeted Conv1D weights with their updates added, by HF name. */
  const mergedWeights = (): Record<string, Tensor> => {
    const weights: Record<string, Tensor> = {};
    for (let layer = 0; layer < base.config.n_layer; layer++) {
      for (const target of config.targetModules) {
        const at = `transformer.h.${layer}.${target}`;
        const delta = matmul(
          parameters.get(`${at}.lora_A.weight`)!,
          parameters.get(`${at}.lora_B.weight`)!,
          { transposeA: true, transposeB: true },
        ); // (in, out)
        weights[`${at}.weight`] = add(base.parameters.get(`${at}.weight`)!, scale(delta, scaling)); // (in, out)
      }
    }
    return weights;
  };
  const merged = (weights = mergedWeights()): Gpt2Model =>
    new Gpt2Model(base.config, new Map([...base.parameters, ...Object.entries(weights)]));
  return {
    method: 'lora',
    config,
    base,
    parameters,
    forward: (
      ids: IntMatrix,
      { training: _t, dropoutSeed: _s, ...rest }: PeftForwardOptions = {},
    ) => merged().forward(ids, rest),
    decoding() {
      const model = merged(noGrad(() => tidy(mergedWeights)));
      return { model, options: {}, dispose: () => model.disposeBeyond(base) };
    },
    dispose: () => parameters.dispose(),
  };
}

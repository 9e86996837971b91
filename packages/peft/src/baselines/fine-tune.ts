// The paper's fine-tuning baselines: FT-FULL (every GPT-2 parameter) and FT-TOP2 (the top two
// blocks, docs/reference/REFERENCE-SPEC.md: the 12 tensors of transformer.h.{L-2} and h.{L-1}; wte, wpe
// and ln_f frozen). `includeHead` also trains the tied wte/LM head and ln_f: that is how the
// paper's "about 22%" for FT-TOP2 on GPT-2 medium comes out (7.1% for the two blocks alone).
// The base model is left untouched: the tuned tensors are copies, in a model of their own.
import { type Gpt2Config, Gpt2Model, gpt2ParameterSpecs, type IntMatrix } from '@prefixkit/gpt2';
import type { Tensor } from '@prefixkit/tensor';
import { validateConfig } from '../config/validate-config';
import { trainableLeaf } from '../leaf';
import { ParameterStore } from '../parameter-store';
import type { ParameterShape, PeftForwardOptions, PeftModel } from '../peft-model';

export interface FineTuneConfig {
  method: 'ft-full' | 'ft-top2';
  includeHead: boolean;
}

export function fineTuneSchema(method: FineTuneConfig['method']) {
  return {
    $id: `prefixkit/peft/${method}`,
    type: 'object',
    additionalProperties: false,
    required: ['method'],
    properties: {
      method: {
        const: method,
        description:
          'ft-full: train every parameter; ft-top2: train the top two transformer blocks.',
      },
      includeHead: {
        type: 'boolean',
        default: false,
        description:
          "ft-top2 only: also train the tied wte / LM head and ln_f (the paper's ~22% on GPT-2 medium).",
      },
    },
  } as const;
}

export function parseFineTuneConfig(json: unknown, file = 'fine-tune config'): FineTuneConfig {
  const method =
    (json as { method?: unknown } | null)?.method === 'ft-full' ? 'ft-full' : 'ft-top2';
  return validateConfig<FineTuneConfig>(fineTuneSchema(method), json, file);
}

/** Whether the HF-named parameter `name` trains under `config`. */
export function isFineTuned(model: Gpt2Config, config: FineTuneConfig, name: string): boolean {
  if (config.method === 'ft-full') return true;
  const L = model.n_layer;
  const top = [L - 2, L - 1]
    .filter((layer) => layer >= 0)
    .map((layer) => `transformer.h.${layer}.`);
  if (top.some((prefix) => name.startsWith(prefix))) return true;
  return (
    config.includeHead &&
    (name === 'transformer.wte.weight' || name.startsWith('transformer.ln_f.'))
  );
}

/** The tuned tensors (HF names) and their shapes. */
export function fineTuneParameterShapes(
  model: Gpt2Config,
  config: FineTuneConfig,
): ParameterShape[] {
  return gpt2ParameterSpecs(model).filter((spec) => isFineTuned(model, config, spec.name));
}

export type FineTuneModel = PeftModel<'ft-full' | 'ft-top2', FineTuneConfig> & {
  /** The model holding the tuned copies (its other parameters are the base model's tensors). */
  readonly tuned: Gpt2Model;
};

/** Copies the tuned tensors of a frozen GPT-2 and trains them (FT-FULL / FT-TOP2). */
export async function createFineTune(base: Gpt2Model, json: unknown): Promise<FineTuneModel> {
  const config = parseFineTuneConfig(json);
  const entries: [string, Tensor][] = [];
  for (const { name, shape } of fineTuneParameterShapes(base.config, config)) {
    const data = Float32Array.from(await base.parameters.get(name)!.data());
    entries.push([name, trainableLeaf(base, data, shape)]);
  }
  const parameters = new ParameterStore(entries);
  const merged = new Map(base.parameters);
  for (const [name, tensor] of entries) merged.set(name, tensor);
  const tuned = new Gpt2Model(base.config, merged);
  return {
    method: config.method,
    config,
    base,
    tuned,
    parameters,
    forward: (
      ids: IntMatrix,
      { training: _t, dropoutSeed: _s, ...rest }: PeftForwardOptions = {},
    ) => tuned.forward(ids, rest),
    // The tuned copies are the method's own parameters: decoding borrows them.
    decoding: () => ({ model: tuned, options: {}, dispose: () => {} }),
    dispose: () => parameters.dispose(),
  };
}

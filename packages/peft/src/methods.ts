// Every method, one registration line each (STYLE.md "PEFT": config + module + one line). A
// typed map instead of a runtime registry: a duplicate or missing entry is a compile error.

import { ConfigValidationError } from '@prefixkit/errors';
import type { Gpt2Config, Gpt2Model } from '@prefixkit/gpt2';
import { adapterParameterShapes, createAdapters } from './adapter/adapter';
import { adapterSchema, parseAdapterConfig } from './adapter/adapter-config';
import {
  createFineTune,
  fineTuneParameterShapes,
  fineTuneSchema,
  parseFineTuneConfig,
} from './baselines/fine-tune';
import { createLora, loraParameterShapes, loraSchema, parseLoraConfig } from './lora/lora';
import type { MethodName } from './method-names';

export type { MethodName };

import type { CreateOptions, ParameterShape, PeftModel } from './peft-model';
import { parsePrefixTuningConfig, prefixTuningSchema } from './prefix-tuning/prefix-config';
import { prefixParameterShapes } from './prefix-tuning/prefix-encoder';
import { createPrefixTuning } from './prefix-tuning/prefix-tuning';
import {
  createEmbeddingOnly,
  embeddingOnlyParameterShapes,
  embeddingOnlySchema,
  parseEmbeddingOnlyConfig,
} from './soft-prompt/embedding-only';
import {
  createInfix,
  infixParameterShapes,
  infixSchema,
  parseInfixConfig,
} from './soft-prompt/infix';

export interface MethodDefinition<Config> {
  /** JSON schema of the config (descriptions are help text). */
  readonly schema: object;
  /** Validates a config and fills in defaults; errors name `file` and the field. */
  readonly parse: (json: unknown, file?: string) => Config;
  /** Names and shapes of the trainable tensors, without allocating anything. */
  readonly parameterShapes: (model: Gpt2Config, config: Config) => ParameterShape[];
  /** Wraps a frozen GPT-2. */
  readonly create: (base: Gpt2Model, config: Config, options?: CreateOptions) => Promise<PeftModel>;
}

function define<Config>(definition: MethodDefinition<Config>): MethodDefinition<Config> {
  return definition;
}

/** The methods by name. */
export const methods = {
  prefix: define({
    schema: prefixTuningSchema('prefix'),
    parse: parsePrefixTuningConfig,
    parameterShapes: prefixParameterShapes,
    create: createPrefixTuning,
  }),
  'prefix-flat': define({
    schema: prefixTuningSchema('prefix-flat'),
    parse: parsePrefixTuningConfig,
    parameterShapes: prefixParameterShapes,
    create: createPrefixTuning,
  }),
  'embedding-only': define({
    schema: embeddingOnlySchema,
    parse: parseEmbeddingOnlyConfig,
    parameterShapes: embeddingOnlyParameterShapes,
    create: createEmbeddingOnly,
  }),
  infix: define({
    schema: infixSchema,
    parse: parseInfixConfig,
    parameterShapes: infixParameterShapes,
    create: createInfix,
  }),
  adapter: define({
    schema: adapterSchema,
    parse: parseAdapterConfig,
    parameterShapes: adapterParameterShapes,
    create: createAdapters,
  }),
  lora: define({
    schema: loraSchema,
    parse: parseLoraConfig,
    parameterShapes: loraParameterShapes,
    create: createLora,
  }),
  'ft-full': define({
    schema: fineTuneSchema('ft-full'),
    parse: parseFineTuneConfig,
    parameterShapes: fineTuneParameterShapes,
    create: createFineTune,
  }),
  'ft-top2': define({
    schema: fineTuneSchema('ft-top2'),
    parse: parseFineTuneConfig,
    parameterShapes: fineTuneParameterShapes,
    create: createFineTune,
  }),
} as const satisfies Record<MethodName, unknown>;

/** The method a config names; throws ConfigValidationError for a missing or unknown name. */
export function methodOf(json: unknown, file = 'method config'): MethodName {
  const name = (json as { method?: unknown } | null)?.method;
  if (typeof name !== 'string' || !(name in methods)) {
    throw new ConfigValidationError(
      `expected one of ${JSON.stringify(Object.keys(methods))}, got ${JSON.stringify(name)}`,
      { file, field: '/method' },
    );
  }
  return name as MethodName;
}

/**
 * Creates any method from its JSON config (PEFT's get_peft_model).
 * @example const peft = await createPeftModel(model, { method: 'adapter', parameterFraction: 0.001 });
 */
export async function createPeftModel(
  base: Gpt2Model,
  json: unknown,
  options: CreateOptions & { file?: string } = {},
): Promise<PeftModel> {
  const definition = methods[methodOf(json, options.file)] as MethodDefinition<unknown>;
  const config = definition.parse(json, options.file);
  return definition.create(base, config, options);
}

/**
 * Trainable scalars: of a live method, or of a method config over a GPT-2 config (nothing is
 * allocated, so GPT-2 medium counts cost nothing).
 * @example countTrainableParameters(gpt2Preset('gpt2-medium'), { method: 'prefix-flat', prefixLength: 10 }) // 491520
 */
export function countTrainableParameters(peft: PeftModel): number;
export function countTrainableParameters(model: Gpt2Config, json: unknown): number;
export function countTrainableParameters(target: PeftModel | Gpt2Config, json?: unknown): number {
  if ('parameters' in target && 'forward' in target)
    return (target as PeftModel).parameters.count();
  const definition = methods[methodOf(json)] as MethodDefinition<unknown>;
  const shapes = definition.parameterShapes(target as Gpt2Config, definition.parse(json));
  return shapes.reduce((total, { shape }) => total + shape.reduce((a, b) => a * b, 1), 0);
}

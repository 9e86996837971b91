// Config of Houlsby adapters (the paper's ADAPTER baseline): bottleneck width given directly or
// derived from a target share of the base model's parameters (the paper: 0.1% and 3%).
import type { Gpt2Config } from '@prefixkit/gpt2';
import { validateConfig } from '../config/validate-config';
import { PeftConfigError } from '../errors';
import { baseParameterCount } from '../parameter-count-base';

export interface AdapterConfig {
  method: 'adapter';
  bottleneck?: number;
  parameterFraction?: number;
  init: 'zero-up' | 'normal';
}

export const adapterSchema = {
  $id: 'prefixkit/peft/adapter',
  type: 'object',
  additionalProperties: false,
  required: ['method'],
  properties: {
    method: {
      const: 'adapter',
      description: 'Houlsby adapters after attention and after the MLP of every block.',
    },
    bottleneck: {
      type: 'integer',
      minimum: 1,
      maximum: 65_536,
      description:
        'Bottleneck width m of each adapter (C -> m -> C). Give this or parameterFraction.',
    },
    parameterFraction: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      description:
        'Size the adapters to this share of the base model (0.001 = 0.1%, 0.03 = 3%, as in the paper).',
    },
    init: {
      enum: ['zero-up', 'normal'],
      default: 'zero-up',
      description:
        'zero-up: down ~ N(0, 0.02), up = 0, so training starts at the plain LM; normal: every tensor ~ N(0, 0.02).',
    },
  },
} as const;

export function parseAdapterConfig(json: unknown, file = 'adapter config'): AdapterConfig {
  const config = validateConfig<AdapterConfig>(adapterSchema, json, file);
  if ((config.bottleneck === undefined) === (config.parameterFraction === undefined)) {
    throw new PeftConfigError(
      `${file}, field bottleneck`,
      'exactly one of bottleneck and parameterFraction',
      config.bottleneck === undefined ? 'neither' : 'both',
    );
  }
  return config;
}

/** Parameters of one adapter of width m over C channels: down (m*C + m) + up (C*m + C). */
function perAdapter(channels: number, m: number): number {
  return 2 * channels * m + m + channels;
}

/** The bottleneck width: as given, or the one whose total is nearest the target share. */
export function adapterBottleneck(model: Gpt2Config, config: AdapterConfig): number {
  if (config.bottleneck !== undefined) return config.bottleneck;
  const adapters = 2 * model.n_layer;
  const target = config.parameterFraction! * baseParameterCount(model);
  const C = model.n_embd;
  const m = Math.round((target / adapters - C) / (2 * C + 1));
  return Math.max(1, m);
}

export { perAdapter as adapterParameterCount };

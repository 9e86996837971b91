// Config of prefix-tuning (the paper's Section 4) and its flat ablation: JSON schema with help
// text and defaults (the paper's: length 10, mid 512, dropout 0), and the TypeScript type.
import { validateConfig } from '../config/validate-config';

export interface PrefixTuningConfig {
  /** 'prefix' trains an MLP reparameterisation; 'prefix-flat' trains the activations directly. */
  method: 'prefix' | 'prefix-flat';
  prefixLength: number;
  midDim: number;
  dropout: number;
  init: 'random' | 'words';
  initWords?: string;
  positions: 'after-prefix' | 'from-zero';
}

/** JSON schema of a prefix-tuning config for `method` (descriptions are the CLI's help). */
export function prefixTuningSchema(method: PrefixTuningConfig['method']) {
  return {
    $id: `prefixkit/peft/${method}`,
    type: 'object',
    additionalProperties: false,
    required: ['method'],
    properties: {
      method: {
        const: method,
        description:
          'prefix: MLP-reparameterised prefix (the paper); prefix-flat: activations trained directly.',
      },
      prefixLength: {
        type: 'integer',
        minimum: 1,
        maximum: 400,
        default: 10,
        description:
          'Number of prefix slots P (the paper: 10 for table-to-text, 1..400 in its ablation).',
      },
      midDim: {
        type: 'integer',
        minimum: 1,
        maximum: 65_536,
        default: 512,
        description:
          'Hidden width of the reparameterisation MLP C -> mid -> 2*L*C (prefix only; the paper: 512).',
      },
      dropout: {
        type: 'number',
        minimum: 0,
        exclusiveMaximum: 1,
        default: 0,
        description: 'Dropout on the prefix activations while training (the paper: 0).',
      },
      init: {
        enum: ['random', 'words'],
        default: 'random',
        description:
          "random: torch's default init; words: the frozen LM's keys/values over initWords.",
      },
      initWords: {
        type: 'string',
        minLength: 1,
        description:
          'Text whose activations initialise the prefix (e.g. "table-to-text:"); its token count must equal prefixLength.',
      },
      positions: {
        enum: ['after-prefix', 'from-zero'],
        default: 'after-prefix',
        description: "Position of the first real token: P (the paper's code, HF, PEFT) or 0.",
      },
    },
  } as const;
}

/** Validates a prefix-tuning config (defaults filled in); errors name `file` and the field. */
export function parsePrefixTuningConfig(json: unknown, file = 'prefix config'): PrefixTuningConfig {
  const method =
    (json as { method?: unknown } | null)?.method === 'prefix-flat' ? 'prefix-flat' : 'prefix';
  return validateConfig<PrefixTuningConfig>(prefixTuningSchema(method), json, file);
}

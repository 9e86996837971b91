// `prefixkit inspect PATH`: what a safetensors file, a prefix/adapter folder (PEFT layout) or a
// run folder holds — names, dtypes, shapes, sizes, metadata and configs — without loading tensors.
import { defineCommand } from '../command';
import type { Summary } from '../inspect/inspect-path';
import type { InspectOptions } from './inspect';

export const inspectCommand = defineCommand<InspectOptions, Summary>({
  name: 'inspect',
  summary: 'Show what a safetensors file, a prefix/adapter folder or a run folder holds.',
  positional: 'path',
  schema: {
    type: 'object',
    properties: {
      path: {
        type: 'string',
        description:
          'A .safetensors file, a prefix/adapter folder or a run folder (also the first bare argument).',
        'x-path': true,
        'x-placeholder': 'PATH',
      },
      maxTensors: {
        type: 'integer',
        description: 'Tensors listed per file in the human output (--json lists all).',
        minimum: 0,
        maximum: 1_000_000,
        default: 20,
        'x-placeholder': 'N',
      },
    },
    required: ['path'],
    additionalProperties: false,
  },
  examples: [
    'prefixkit inspect runs/e2e-prefix/final',
    'prefixkit inspect model.safetensors --max-tensors 5',
    'prefixkit inspect adapter_model.safetensors --json',
  ],
  load: async () => (await import('./inspect')).inspectRun,
});

// `prefixkit inspect PATH`: what a safetensors file, a prefix/adapter folder (PEFT layout) or a
// run folder holds — names, dtypes, shapes, sizes, metadata and configs — without loading tensors.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { defineCommand } from '../command';
import type { Summary } from '../inspect/inspect-path';

interface InspectOptions {
  path: string;
  maxTensors: number;
}

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
  async run(options, context) {
    // Loaded on use, so `--help` and other commands do not load the safetensors reader.
    const { inspectPath } = await import('../inspect/inspect-path');
    const { renderSummary } = await import('../inspect/render-summary');
    const path = resolve(context.cwd, options.path);
    if (!existsSync(path)) {
      throw new FileNotFoundError(
        options.path,
        'Pass a .safetensors file, a prefix/adapter folder or a run folder.',
      );
    }
    const summary = await inspectPath(path);
    return { value: summary, text: renderSummary(summary, options.maxTensors, options.path) };
  },
});

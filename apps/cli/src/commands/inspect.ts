// The code of `prefixkit inspect`, loaded only when the command runs.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import type { CommandRun } from '../command';
import type { Summary } from '../inspect/inspect-path';
import { inspectPath } from '../inspect/inspect-path';
import { renderSummary } from '../inspect/render-summary';

export interface InspectOptions {
  path: string;
  maxTensors: number;
}

export const inspectRun: CommandRun<InspectOptions, Summary> = async (options, context) => {
  const path = resolve(context.cwd, options.path);
  if (!existsSync(path)) {
    throw new FileNotFoundError(
      options.path,
      'Pass a .safetensors file, a prefix/adapter folder or a run folder.',
    );
  }
  const summary = await inspectPath(path);
  return { value: summary, text: renderSummary(summary, options.maxTensors, options.path) };
};

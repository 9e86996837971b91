// The code of `prefixkit serve`, loaded only when the command runs: resolves the CLI's model name
// (the embedded model, a folder, a hub id) and its default adapter root, then runs the server
// until a signal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, serveUntilSignal } from '@prefixkit/server';
import type { CommandRun } from '../command';
import { defaultModelDir, defaultModelName, resolveModelSource } from '../runtime/load-model';
import type { ServeOptions } from '../serve/serve-options';

export const serveRun: CommandRun<ServeOptions, { url: string; model: string }> = async (
  options,
  context,
) => {
  const source = resolveModelSource(options.model, context.cwd);
  const model = source.kind === 'folder' ? source.path : source.repoId;
  const embedded = source.kind === 'folder' && source.path === defaultModelDir;
  const shipped = join(defaultModelDir, 'prefixes');
  const server = await createServer(
    {
      ...options,
      model,
      ...(embedded ? { modelId: options.modelId ?? defaultModelName } : {}),
      ...(options.adapterRoot === undefined && embedded && existsSync(shipped)
        ? { adapterRoot: shipped }
        : {}),
    },
    { env: context.env, warn: (line) => context.warn(line) },
  );
  let url = '';
  // serveUntilSignal drains on the first SIGINT/SIGTERM; the handler keeps the CLI from exiting
  // at once (a second signal still does).
  context.interrupt.onInterrupt(() => {}, 'draining');
  await serveUntilSignal(server, (line) => {
    url ||= /on (http:\/\/\S+)/.exec(line)?.[1] ?? '';
    context.log(line);
  });
  return { value: { url, model: server.base.id }, text: 'prefixkit serve: stopped\n' };
};

// Runs a built server until SIGTERM or SIGINT: then not ready, no new requests, running ones
// finish within the drain deadline (the rest are aborted), and the process exits 0.
import type { PrefixkitServer } from './server';

export async function serveUntilSignal(
  server: PrefixkitServer,
  log: (line: string) => void,
): Promise<void> {
  const url = await server.listen();
  log(
    `prefixkit server: ${server.base.id} on ${url} (models: ${url}/v1/models, OpenAPI: ${url}/docs/json)`,
  );
  log(
    `try: curl -s ${url}/v1/completions -H 'content-type: application/json' -d '{"model":"${server.base.id}","prompt":"name : Aromi | Type : pub","max_tokens":20,"temperature":0}'`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      log(`${signal}: draining (up to ${server.options.drainTimeoutMs} ms)`);
      void server.shutdown().then(resolve, resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

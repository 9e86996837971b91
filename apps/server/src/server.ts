// The HTTP server: Fastify with route schemas validated by ajv (unknown fields refused), OpenAPI
// generated from the same schemas at /docs/json, OpenAI-shaped errors, API keys and rate limits,
// readiness and draining.
import swagger from '@fastify/swagger';
import { formatPrompt } from '@prefixkit/datasets';
import Fastify, { type FastifyInstance } from 'fastify';
import { AdapterRegistry } from './adapters/adapter-registry';
import { authorize, RateLimiter } from './api/access';
import { registerCompletions } from './api/completions-route';
import { registerErrorHandling } from './api/error-handling';
import { ServerMetrics } from './api/metrics';
import { registerModelRoutes } from './api/models-routes';
import { Scheduler } from './engine/scheduler';
import { ServerRequestError } from './errors';
import { type BaseModel, loadBaseModel } from './model/load-base-model';
import { readServerKeys, type ServerKeys } from './options/read-keys';
import { parseServerOptions, type ServerOptions } from './options/server-options';

export interface PrefixkitServer {
  readonly app: FastifyInstance;
  readonly options: ServerOptions;
  readonly base: BaseModel;
  readonly scheduler: Scheduler;
  readonly registry: AdapterRegistry;
  /** Listens; returns the base URL. */
  listen(): Promise<string>;
  /** Not ready, no new requests, running ones finish (up to drainTimeoutMs), then closes. */
  shutdown(): Promise<void>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function checkExposure(
  options: ServerOptions,
  keys: ServerKeys,
  warn: (line: string) => void,
): void {
  if (keys.apiKeys.length > 0 || loopback.test(options.host)) return;
  if (!options.allowUnauthenticated)
    throw new ServerRequestError(
      'SERVER_UNSAFE_BIND',
      `refusing to listen on ${options.host} without API keys: set PREFIXKIT_API_KEYS or --api-keys-file, or pass --allow-unauthenticated`,
      400,
      'host',
    );
  warn(
    `warning: listening on ${options.host} without API keys: anyone who can reach it can use it`,
  );
}

/** Loads the model and builds the server (not listening yet). */
export async function createServer(
  json: unknown,
  context: { env?: NodeJS.ProcessEnv; warn?: (line: string) => void } = {},
): Promise<PrefixkitServer> {
  const options = parseServerOptions(json);
  const env = context.env ?? process.env;
  const keys = await readServerKeys(options, env);
  checkExposure(options, keys, context.warn ?? ((line) => process.stderr.write(`${line}\n`)));
  const base = await loadBaseModel({ ...options, env });
  const { tokenizer } = base;
  const metrics = new ServerMetrics();
  const registry = new AdapterRegistry(
    base.model,
    base.id,
    options.adapterRoot ?? null,
    options.residentAdapterBytes,
    {
      onHit: () => metrics.adapterCache.inc({ event: 'hit' }),
      onMiss: () => metrics.adapterCache.inc({ event: 'miss' }),
      onEvict: () => metrics.adapterCache.inc({ event: 'evict' }),
    },
  );
  const scheduler = new Scheduler(
    registry,
    { maxRows: options.maxBatchRows, maxQueue: options.maxQueue },
    metrics.schedulerEvents(),
  );
  const limiter = new RateLimiter(options.rateLimitPerMinute);
  let draining = false;

  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true } },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'prefixkit server', version: '0.1.0' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
  });

  registerErrorHandling(app);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/v1/')) return;
    if (draining && request.url.startsWith('/v1/completions'))
      throw new ServerRequestError('SERVER_DRAINING', 'the server is shutting down', 503);
    limiter.check(authorize(request, keys));
  });

  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.get('/health', { schema: { tags: ['health'] } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { tags: ['health'] } }, async (_request, reply) => {
    if (draining) return reply.code(503).send({ ready: false, reason: 'draining' });
    return { ready: true, model: base.id };
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    metrics.residentBytes.set(registry.residentBytes);
    metrics.residentAdapters.set(
      (await registry.list()).filter((a) => a.status === 'resident').length,
    );
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get('/docs/json', { schema: { hide: true } }, async () => app.swagger());
  registerModelRoutes(app, registry);
  registerCompletions(app, {
    scheduler,
    tokenizer,
    eosTokenIds: base.model.config.eos_token_id === null ? [] : [base.model.config.eos_token_id],
    paperPrompt: formatPrompt,
    requestTimeoutMs: options.requestTimeoutMs,
    pingIntervalMs: options.pingIntervalMs,
    onRequest: (model, status) => metrics.requests.inc({ model, status: String(status) }),
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/v1/completions') && reply.statusCode !== 200)
      metrics.requests.inc({
        model: (request.body as { model?: string } | undefined)?.model ?? 'unknown',
        status: String(reply.statusCode),
      });
  });

  let closed = false;
  return {
    app,
    options,
    base,
    scheduler,
    registry,
    async listen() {
      await app.listen({ host: options.host, port: options.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      return `http://${host}:${port}`;
    },
    async shutdown() {
      if (closed) return;
      closed = true;
      draining = true;
      // Stop accepting connections now; those open close as they fall idle (responses carry
      // `connection: close` from here on), the last ones once every row has finished.
      const closing = app.close();
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      await scheduler.drain(options.drainTimeoutMs);
      await Promise.race([closing, new Promise((done) => setTimeout(done, 1_000))]);
      app.server.closeAllConnections();
      await closing;
      clearInterval(sweep);
      await registry.dispose();
      base.model.dispose();
      await base.release();
    },
  };
}

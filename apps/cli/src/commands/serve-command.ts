// `prefixkit serve`: one frozen GPT-2 serving many adapters over HTTP (@prefixkit/server), until
// SIGTERM or Ctrl-C, which drain running requests and exit 0.
import { defineCommand } from '../command';
import { type ServeOptions, serveSchema } from '../serve/serve-options';

export const serveCommand = defineCommand<ServeOptions, { url: string; model: string }>({
  name: 'serve',
  summary: 'Serve the model and its adapters over an OpenAI-compatible HTTP API.',
  description:
    'POST /v1/completions (model: the base id or an adapter id; stream: SSE), GET /v1/models, /health, /ready,\n/metrics, /docs/json. Rows of different prefixes decode in one batch. Without API keys it listens on loopback only.',
  schema: serveSchema,
  examples: [
    'prefixkit serve',
    'prefixkit serve --port 9000 --adapter-root runs',
    'PREFIXKIT_API_KEYS=... prefixkit serve --host 0.0.0.0',
  ],
  load: async () => (await import('./serve')).serveRun,
});

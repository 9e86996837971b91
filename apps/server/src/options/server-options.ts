// The server's options: one JSON schema (validated with ajv; the CLI's `serve` flags and the
// bin's flags derive from it), with the limits that keep one request's and the whole server's
// work bounded.
import { ConfigValidationError } from '@prefixkit/errors';
import { Ajv } from 'ajv';

export const serverOptionsSchema = {
  $id: 'prefixkit/server/options',
  type: 'object',
  additionalProperties: false,
  required: ['model'],
  properties: {
    model: { type: 'string', description: 'The base GPT-2: a folder, or a hub id.' },
    modelId: {
      type: 'string',
      description: "The id clients name the base model by (default: the folder's name).",
    },
    adapterRoot: {
      type: 'string',
      description: 'Folder of adapters in PEFT layout, one sub-folder per adapter id.',
    },
    host: { type: 'string', default: '127.0.0.1', description: 'Address to listen on.' },
    port: {
      type: 'integer',
      minimum: 0,
      maximum: 65535,
      default: 8080,
      description: 'Port (0: any free one).',
    },
    backend: {
      type: 'string',
      enum: ['webgpu', 'cpu'],
      default: 'webgpu',
      description: 'Where to compute: webgpu (Dawn) or cpu (reference kernels).',
    },
    apiKeysFile: {
      type: 'string',
      description:
        'File of bearer API keys, one per line (also: PREFIXKIT_API_KEYS, comma-separated).',
    },
    adminKeyFile: {
      type: 'string',
      description: 'File holding the admin key for /v1/adapters (also: PREFIXKIT_ADMIN_KEY).',
    },
    allowUnauthenticated: {
      type: 'boolean',
      default: false,
      description: 'Listen on a non-loopback address without API keys (prints a warning).',
    },
    maxBatchRows: {
      type: 'integer',
      minimum: 1,
      maximum: 1024,
      default: 64,
      description: 'Rows decoding at once.',
    },
    maxQueue: {
      type: 'integer',
      minimum: 0,
      maximum: 100_000,
      default: 256,
      description: 'Requests waiting beyond the running rows; more are answered 429.',
    },
    requestTimeoutMs: {
      type: 'integer',
      minimum: 1,
      maximum: 3_600_000,
      default: 120_000,
      description: 'A request still decoding after this long fails with 408.',
    },
    bodyLimitBytes: {
      type: 'integer',
      minimum: 1024,
      maximum: 104_857_600,
      default: 1_048_576,
      description: 'Largest request body (413 beyond).',
    },
    residentAdapterBytes: {
      type: 'integer',
      minimum: 0,
      maximum: 1_099_511_627_776,
      default: 268_435_456,
      description: 'Device bytes for loaded adapters (least recently used ones are unloaded).',
    },
    rateLimitPerMinute: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      description: 'Requests per minute per API key (or per address without keys); 0: no limit.',
    },
    drainTimeoutMs: {
      type: 'integer',
      minimum: 0,
      maximum: 3_600_000,
      default: 30_000,
      description: 'On SIGTERM, how long running requests may finish before they are aborted.',
    },
    pingIntervalMs: {
      type: 'integer',
      minimum: 100,
      maximum: 600_000,
      default: 5_000,
      description: 'Streaming: a comment ping this often while a request waits in the queue.',
    },
  },
} as const;

export interface ServerOptions {
  model: string;
  modelId?: string;
  adapterRoot?: string;
  host: string;
  port: number;
  backend: 'webgpu' | 'cpu';
  apiKeysFile?: string;
  adminKeyFile?: string;
  allowUnauthenticated: boolean;
  maxBatchRows: number;
  maxQueue: number;
  requestTimeoutMs: number;
  bodyLimitBytes: number;
  residentAdapterBytes: number;
  rateLimitPerMinute: number;
  drainTimeoutMs: number;
  pingIntervalMs: number;
}

const validate = new Ajv({ useDefaults: true, allErrors: false, strict: false }).compile(
  serverOptionsSchema,
);

/** Validates options and fills in defaults; ConfigValidationError names the field. */
export function parseServerOptions(json: unknown, file = 'server options'): ServerOptions {
  const copy = structuredClone(json ?? {});
  if (!validate(copy)) {
    const error = validate.errors![0]!;
    const field =
      error.instancePath ||
      `/${String(error.params.additionalProperty ?? error.params.missingProperty ?? '')}`;
    throw new ConfigValidationError(error.message ?? error.keyword, { file, field });
  }
  return copy as ServerOptions;
}

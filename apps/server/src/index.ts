// Public API of @prefixkit/server (Node only): build the server from options, or read its schema.
export { AdapterRegistry, type AdapterStatus } from './adapters/adapter-registry';
export { completionRequestSchema } from './api/completion-request';
export type { CompletionRow, RowResult, TokenEvent } from './engine/completion-row';
export { Scheduler, type SchedulerOptions } from './engine/scheduler';
export { ServerRequestError, toHttpError } from './errors';
export { parseServerFlags } from './options/parse-flags';
export {
  parseServerOptions,
  type ServerOptions,
  serverOptionsSchema,
} from './options/server-options';
export { serveUntilSignal } from './serve-until-signal';
export { createServer, type PrefixkitServer } from './server';

// The server's own errors, and how every prefixkit error becomes an HTTP status and OpenAI's
// error body {error: {message, type, param, code}} (code: the stable prefixkit code).
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** A request the server refuses: its status, OpenAI error type and the field at fault. */
export class ServerRequestError extends PrefixkitError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
    readonly param: string | null = null,
    options: PrefixkitErrorOptions & { retryAfterSeconds?: number } = {},
  ) {
    super(code, message, options);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}

/** Status by error code, for errors raised below the server (the packages' own codes). */
const statusByCode: readonly [pattern: RegExp, status: number][] = [
  [/^(GENERATE_OPTIONS|CONFIG_INVALID|PEFT_CONFIG|PEFT_FORMAT|TOKENIZER_INPUT|GPT2_INPUT)$/, 400],
  [/^(FILE_NOT_FOUND|CHECKPOINT_FORMAT)$/, 404],
  [/^(BACKEND_UNAVAILABLE|DEVICE_LOST|GPU_DEVICE_ERROR)$/, 503],
];

const typeByStatus: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  409: 'conflict_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
  499: 'cancelled',
  503: 'service_unavailable',
};

export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

/** The status and OpenAI-shaped body of one error. */
export function httpError(
  status: number,
  message: string,
  code: string,
  param: string | null = null,
): { status: number; body: OpenAiErrorBody } {
  return {
    status,
    body: { error: { message, type: typeByStatus[status] ?? 'server_error', param, code } },
  };
}

/** The status and body for any thrown value. */
export function toHttpError(error: unknown): { status: number; body: OpenAiErrorBody } {
  if (error instanceof ServerRequestError)
    return httpError(error.status, error.message, error.code, error.param);
  if (PrefixkitError.isInstance(error)) {
    const status = statusByCode.find(([pattern]) => pattern.test(error.code))?.[1] ?? 500;
    const param = (error as { option?: unknown }).option;
    return httpError(status, error.message, error.code, typeof param === 'string' ? param : null);
  }
  return httpError(500, 'internal server error', 'INTERNAL');
}

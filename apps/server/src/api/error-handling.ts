// How errors leave the server: OpenAI's shape {error: {message, type, param, code}} for schema
// violations (the field named), Fastify's own body errors (413 and the like), prefixkit errors
// (their status by code) and unknown routes; Retry-After where the error gives one.
import type { FastifyInstance } from 'fastify';
import { ServerRequestError, toHttpError } from '../errors';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    const fastifyError = error as {
      validation?: { instancePath: string; message?: string; params: Record<string, unknown> }[];
      statusCode?: number;
      code?: string;
      message: string;
    };
    if (fastifyError.validation) {
      const first = fastifyError.validation[0]!;
      const field =
        first.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
        String(first.params.additionalProperty ?? first.params.missingProperty ?? '');
      return reply.code(400).send({
        error: {
          message: `${field || 'body'}: ${first.message ?? 'invalid'}${first.params.additionalProperty ? ` (${String(first.params.additionalProperty)})` : ''}`,
          type: 'invalid_request_error',
          param: field || null,
          code: 'SERVER_BAD_REQUEST',
        },
      });
    }
    if (
      fastifyError.statusCode === 413 ||
      fastifyError.statusCode === 415 ||
      fastifyError.statusCode === 400
    ) {
      return reply.code(fastifyError.statusCode).send({
        error: {
          message: fastifyError.message,
          type: 'invalid_request_error',
          param: null,
          code: fastifyError.statusCode === 413 ? 'SERVER_BODY_TOO_LARGE' : 'SERVER_BAD_REQUEST',
        },
      });
    }
    const { status, body } = toHttpError(error);
    if (error instanceof ServerRequestError && error.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        message: `no route ${request.method} ${request.url}`,
        type: 'not_found_error',
        param: null,
        code: 'SERVER_NO_ROUTE',
      },
    }),
  );
}

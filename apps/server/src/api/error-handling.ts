// How errors leave the server: OpenAI's shape {error: {message, type, param, code}} for schema
// violations (the field named), Fastify's own body errors (413 and the like), prefixkit errors
// (their status by code) and unknown routes; Retry-After where the error gives one.
import type { FastifyInstance } from 'fastify';
import { httpError, ServerRequestError, toHttpError } from '../errors';

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
      const extra = first.params.additionalProperty;
      const message = `${field || 'body'}: ${first.message ?? 'invalid'}${extra ? ` (${String(extra)})` : ''}`;
      return reply
        .code(400)
        .send(httpError(400, message, 'SERVER_BAD_REQUEST', field || null).body);
    }
    if (
      fastifyError.statusCode === 413 ||
      fastifyError.statusCode === 415 ||
      fastifyError.statusCode === 400
    ) {
      const status = fastifyError.statusCode;
      const code = status === 413 ? 'SERVER_BODY_TOO_LARGE' : 'SERVER_BAD_REQUEST';
      return reply.code(status).send(httpError(status, fastifyError.message, code).body);
    }
    const { status, body } = toHttpError(error);
    if (error instanceof ServerRequestError && error.retryAfterSeconds !== undefined)
      reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(httpError(404, `no route ${request.method} ${request.url}`, 'SERVER_NO_ROUTE').body),
  );
}

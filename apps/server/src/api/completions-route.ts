// POST /v1/completions: one row per prompt through the scheduler; a text_completion object, or
// server-sent events (a chunk per token, a comment ping while the request waits in the queue,
// `data: [DONE]` at the end, one error event on a failure mid-stream).
import { randomUUID } from 'node:crypto';
import type { Gpt2Tokenizer } from '@prefixkit/gpt2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RowResult, TokenEvent } from '../engine/completion-row';
import type { Scheduler } from '../engine/scheduler';
import { toHttpError } from '../errors';
import {
  type CompletionRequest,
  completionRequestSchema,
  generateOptionsFor,
} from './completion-request';
import { CompletionText } from './completion-text';

export interface CompletionsDeps {
  readonly scheduler: Scheduler;
  readonly tokenizer: Gpt2Tokenizer;
  /** The model's end-of-sequence ids: they end a row and are not part of its text. */
  readonly eosTokenIds: readonly number[];
  /** ' PROMPT <|endoftext|>' for the paper template. */
  readonly paperPrompt: (input: string) => string;
  readonly requestTimeoutMs: number;
  readonly pingIntervalMs: number;
  readonly onRequest: (model: string, status: number) => void;
}

interface Choice {
  readonly index: number;
  readonly prompt: number[];
  readonly text: CompletionText;
}

const finishReasons = { eos: 'stop', 'stop-string': 'stop', length: 'length' } as const;

function logprobsOf(events: readonly TokenEvent[], decode: (t: number[]) => string) {
  let offset = 0;
  const textOffset: number[] = [];
  const tokens = events.map((event) => decode([event.token]));
  for (const token of tokens) {
    textOffset.push(offset);
    offset += token.length;
  }
  return {
    tokens,
    token_logprobs: events.map((event) => event.logprob ?? null),
    top_logprobs: events.map((event) =>
      Object.fromEntries((event.top ?? []).map(([token, value]) => [decode([token]), value])),
    ),
    text_offset: textOffset,
  };
}

export function registerCompletions(app: FastifyInstance, deps: CompletionsDeps): void {
  const { tokenizer } = deps;
  const decode = (tokens: readonly number[]) => tokenizer.decode([...tokens]);
  app.post(
    '/v1/completions',
    { schema: { body: completionRequestSchema, tags: ['completions'] } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const body = request.body as CompletionRequest;
      const prompts = [body.prompt].flat();
      const options = generateOptionsFor(body, decode);
      const eos = deps.eosTokenIds;
      const choices: Choice[] = prompts.map((input, index) => ({
        index,
        prompt: tokenizer.encode(body.template === 'paper' ? deps.paperPrompt(input) : input),
        text: new CompletionText(decode, eos, options.stopStrings ?? []),
      }));
      const abort = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) abort.abort();
      });
      const deadline = Date.now() + deps.requestTimeoutMs;
      const id = `cmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const logprobs = body.logprobs ?? 0;
      const submit = (choice: Choice, onToken?: (event: TokenEvent) => void) =>
        deps.scheduler.submit(body.model, {
          prompt: choice.prompt,
          options,
          logprobs,
          signal: abort.signal,
          deadline,
          ...(onToken ? { onToken } : {}),
        });
      const usage = (results: readonly RowResult[]) => {
        const prompt = choices.reduce((n, choice) => n + choice.prompt.length, 0);
        const completion = results.reduce((n, result) => n + result.tokens.length, 0);
        return {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
        };
      };

      if (!body.stream) {
        // One failed choice fails the request: the others stop at their next step.
        const results = await Promise.all(choices.map((choice) => submit(choice))).catch(
          (error: unknown) => {
            abort.abort();
            throw error;
          },
        );
        deps.onRequest(body.model, 200);
        return {
          id,
          object: 'text_completion',
          created,
          model: body.model,
          choices: results.map((result, index) => {
            const text = choices[index]!.text;
            for (const token of result.tokens) text.push(token);
            return {
              text: text.text(),
              index,
              logprobs: logprobs > 0 ? logprobsOf(result.events, decode) : null,
              finish_reason: finishReasons[result.finishReason],
              token_ids: result.tokens,
            };
          }),
          usage: usage(results),
        };
      }

      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (data: unknown) => {
        if (!out.writableEnded) out.write(`data: ${JSON.stringify(data)}\n\n`);
      };
      const chunk = (index: number, text: string, extra: Record<string, unknown> = {}) => ({
        id,
        object: 'text_completion',
        created,
        model: body.model,
        choices: [{ text, index, logprobs: null, finish_reason: null, ...extra }],
      });
      let waiting = true;
      const ping = setInterval(() => {
        if (waiting && !out.writableEnded) out.write(': ping\n\n');
      }, deps.pingIntervalMs);
      try {
        const results = await Promise.all(
          choices.map((choice) =>
            submit(choice, (event) => {
              waiting = false;
              const text = choice.text.push(event.token);
              send(
                chunk(choice.index, text, {
                  logprobs: logprobs > 0 ? logprobsOf([event], decode) : null,
                }),
              );
            }).then((result) => {
              send(
                chunk(choice.index, choice.text.finish(), {
                  finish_reason: finishReasons[result.finishReason],
                }),
              );
              return result;
            }),
          ),
        );
        if (body.stream_options?.include_usage)
          send({
            id,
            object: 'text_completion',
            created,
            model: body.model,
            choices: [],
            usage: usage(results),
          });
        out.write('data: [DONE]\n\n');
        deps.onRequest(body.model, 200);
      } catch (error) {
        abort.abort();
        const { status, body: errorBody } = toHttpError(error);
        send(errorBody);
        deps.onRequest(body.model, status);
      } finally {
        clearInterval(ping);
        out.end();
      }
    },
  );
}

// POST /v1/completions on real loopback sockets, on WebGPU (lavapipe in CI): greedy tokens equal
// generateWithPeft's for the same adapter and input; every request gets the same tokens alone and
// inside a mixed batch of other adapters and plain rows; streamed chunks reassemble to the
// non-streamed text; a client that goes away frees its row; and each bad request gets its status.

import { join } from 'node:path';
import { formatPrompt } from '@prefixkit/datasets';
import { loadGpt2Tokenizer } from '@prefixkit/gpt2';
import { generateWithPeft } from '@prefixkit/peft';
import { loadPeftDirectory } from '@prefixkit/peft/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrefixkitServer } from '../src/server';
import { adapters, makeAdapterRoot, post, sseEvents, startServer } from './fixtures';

let server: PrefixkitServer;
let url: string;
let root: string;
const inputs = ['name : Aromi | Type : pub', 'name : The Eagle | food : French | area : riverside'];

beforeAll(async () => {
  root = await makeAdapterRoot();
  ({ server, url } = await startServer({ adapterRoot: root, backend: 'webgpu' }));
}, 120_000);

const greedy = (model: string, prompt: string, extra: object = {}) =>
  post(`${url}/v1/completions`, { model, prompt, max_tokens: 12, temperature: 0, ...extra });

describe('completions', () => {
  it('gives the tokens generateWithPeft gives for the same adapter and input', async () => {
    const tokenizer = await loadGpt2Tokenizer();
    const peft = await loadPeftDirectory(server.base.model, join(root, adapters.shipped));
    const ids = tokenizer.encode(formatPrompt(inputs[0]!));
    const [expected] = await generateWithPeft(peft, [ids], { maxNewTokens: 12 });
    peft.dispose();
    const { status, json } = await greedy(adapters.shipped, inputs[0]!);
    expect(status).toBe(200);
    expect(json.object).toBe('text_completion');
    expect(json.choices[0].token_ids).toEqual(expected!.tokens);
    expect(json.usage).toEqual({
      prompt_tokens: ids.length,
      completion_tokens: expected!.tokens.length,
      total_tokens: ids.length + expected!.tokens.length,
    });
  });

  it('gives each request the same tokens alone and inside a mixed batch', async () => {
    const models = [
      server.base.id,
      adapters.shipped,
      adapters.prefix,
      adapters.embedding,
      adapters.infix,
      adapters.houlsby,
    ];
    const requests = models.flatMap((model) => inputs.map((input) => ({ model, input })));
    const alone: number[][] = [];
    for (const { model, input } of requests)
      alone.push((await greedy(model, input)).json.choices[0].token_ids);
    // The adapters change the outputs (the comparison below is not between identical rows).
    expect(new Set(alone.map((tokens) => tokens.join())).size).toBeGreaterThan(requests.length / 2);
    const together = await Promise.all(requests.map(({ model, input }) => greedy(model, input)));
    together.forEach((response, index) => {
      expect(response.status).toBe(200);
      expect(
        response.json.choices[0].token_ids,
        `${requests[index]!.model}: ${requests[index]!.input}`,
      ).toEqual(alone[index]);
    });
  });

  it('streams chunks that reassemble to the non-streamed text, with usage and logprobs', async () => {
    const body = {
      model: adapters.shipped,
      prompt: inputs,
      max_tokens: 10,
      temperature: 0,
      logprobs: 3,
    };
    const whole = await post(`${url}/v1/completions`, body);
    const response = await fetch(`${url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = sseEvents(await response.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
    expect(chunks.at(-1).usage).toEqual(whole.json.usage);
    for (const [index, choice] of whole.json.choices.entries()) {
      const mine = chunks.flatMap((chunk) =>
        chunk.choices.filter((c: { index: number }) => c.index === index),
      );
      expect(mine.map((c: { text: string }) => c.text).join('')).toBe(choice.text);
      expect(mine.at(-1).finish_reason).toBe(choice.finish_reason);
      const streamed = mine
        .filter((c: { logprobs: unknown }) => c.logprobs)
        .flatMap((c: { logprobs: { token_logprobs: number[] } }) => c.logprobs.token_logprobs);
      expect(streamed).toEqual(choice.logprobs.token_logprobs);
      for (const top of choice.logprobs.top_logprobs)
        expect(Object.keys(top).length).toBeLessThanOrEqual(3);
      // Greedy: the chosen token is the most likely one.
      for (const [t, logprob] of (choice.logprobs.token_logprobs as number[]).entries()) {
        const best = (Object.values(choice.logprobs.top_logprobs[t]) as number[]).reduce(
          (most, value) => Math.max(most, value),
          -Infinity,
        );
        expect(logprob).toBeCloseTo(best, 5);
      }
    }
  });

  it('cuts the text before a stop string and says why it stopped', async () => {
    const free = await greedy(adapters.shipped, inputs[0]!);
    const text: string = free.json.choices[0].text;
    const stop = text.trim().split(' ')[1]!;
    const stopped = await greedy(adapters.shipped, inputs[0]!, { stop: [stop] });
    expect(stopped.json.choices[0].text).toBe(text.slice(0, text.indexOf(stop)));
    expect(stopped.json.choices[0].finish_reason).toBe('stop');
  });

  it('frees the row of a client that goes away', async () => {
    const controller = new AbortController();
    const response = await fetch(`${url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: server.base.id,
        prompt: inputs[0],
        max_tokens: 200,
        temperature: 0,
        stream: true,
        banned_token_ids: [50256],
      }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    expect(server.scheduler.running).toBe(1);
    controller.abort();
    const until = Date.now() + 5_000;
    while (server.scheduler.running > 0 && Date.now() < until)
      await new Promise((done) => setTimeout(done, 20));
    expect(server.scheduler.running).toBe(0);
  });

  it('answers bad requests with OpenAI-shaped errors naming the field', async () => {
    const cases: [object, number, string | null, RegExp][] = [
      [{ model: 'nope', prompt: 'x' }, 404, 'model', /no adapter or model named "nope"/],
      [{ model: '../etc', prompt: 'x' }, 400, 'model', /letters, digits/],
      [{ model: adapters.shipped, prompt: 'x', top_p: 2 }, 400, 'top_p', /top_p/],
      [
        { model: adapters.shipped, prompt: 'x', frequency_penalty: 1 },
        400,
        null,
        /frequency_penalty/,
      ],
      [{ model: adapters.shipped, prompt: 'x', max_tokens: 250 }, 400, 'max_tokens', /positions/],
      [{ model: adapters.shipped, prompt: 'x', num_beams: 100000 }, 400, 'num_beams', /<= 64/],
      [{ model: adapters.shipped, prompt: 'x', max_tokens: 1e300 }, 400, 'max_tokens', /<= 100000/],
      [
        { model: adapters.shipped, prompt: Array.from({ length: 65 }, () => 'x') },
        400,
        'prompt',
        /prompt/,
      ],
      [
        { model: adapters.shipped, prompt: 'x', banned_token_ids: [60000] },
        400,
        'bannedTokenIds[0]',
        /token id/,
      ],
      [{ model: adapters.otherShape, prompt: 'x' }, 400, null, /num_layers/],
      [{ model: adapters.infix, prompt: 'x', template: 'raw' }, 400, 'prompts[0]', /separator/],
    ];
    for (const [body, status, param, message] of cases) {
      const response = await post(`${url}/v1/completions`, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.json.error.message).toMatch(message);
      if (param) expect(response.json.error.param).toBe(param);
      expect(typeof response.json.error.code).toBe('string');
    }
    const huge = await fetch(`${url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: adapters.shipped, prompt: 'x'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe(
      'SERVER_BODY_TOO_LARGE',
    );
  });
});

// Limits and access: a full queue answers 429 with Retry-After, a request past its time 408, API
// keys and per-key rate limits, no unauthenticated listening beyond loopback unless asked, admin
// routes off without an admin key, shutdown lets running requests finish and leaves other servers'
// device alone, and a model path that does not exist is named, not looked up on the hub.
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FileNotFoundError } from '@prefixkit/errors';
import type { WebGpuBackend } from '@prefixkit/tensor/node';
import { describe, expect, it } from 'vitest';
import { createServer, type PrefixkitServer } from '../src/server';
import { modelDir, post, sseEvents, startServer } from './fixtures';

const long = {
  model: 'prefixkit-tiny',
  prompt: 'name : Aromi',
  max_tokens: 40,
  temperature: 0,
  banned_token_ids: [50256],
};

describe('limits', () => {
  it('refuses requests beyond the queue with 429 and Retry-After', async () => {
    const { url } = await startServer({ backend: 'cpu', maxBatchRows: 1, maxQueue: 1 });
    const responses = await Promise.all([1, 2, 3].map(() => post(`${url}/v1/completions`, long)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json.error.code).toBe('SERVER_QUEUE_FULL');
  });

  it('fails a request that runs past its time with 408, beam search included, through garbage collections', async () => {
    const { url } = await startServer({ backend: 'cpu', requestTimeoutMs: 1 });
    const response = await post(`${url}/v1/completions`, long);
    expect(response.status).toBe(408);
    expect(response.json.error.code).toBe('SERVER_TIMEOUT');
    // On WebGPU (readbacks yield to the event loop) the time limit fires between beam steps.
    const beams = await startServer({ backend: 'webgpu', requestTimeoutMs: 300 });
    const started = Date.now();
    const beam = await post(`${beams.url}/v1/completions`, {
      ...long,
      max_tokens: 200,
      num_beams: 4,
    });
    expect(beam.status).toBe(408);
    // Stopped between two steps, long before 200 tokens of 4 beams were done.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(beams.server.scheduler.running).toBe(0);
    // The limit holds through garbage collections: a timer that one could drop (Node 20's
    // AbortSignal.timeout inside AbortSignal.any) let such a request run to the end.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const collecting = setInterval(collect, 20);
    try {
      const again = await post(`${beams.url}/v1/completions`, {
        ...long,
        max_tokens: 200,
        num_beams: 4,
      });
      expect(again.status).toBe(408);
    } finally {
      clearInterval(collecting);
    }
    expect(beams.server.scheduler.running).toBe(0);
  });

  it('needs an API key when keys are configured, and limits each key', async () => {
    const key = 'client-key-0123456789';
    const server = await createServer(
      { model: modelDir, port: 0, backend: 'cpu', rateLimitPerMinute: 2 },
      { env: { PREFIXKIT_API_KEYS: key }, warn: () => {} },
    );
    const url = await server.listen();
    try {
      const body = { ...long, max_tokens: 1 };
      expect((await post(`${url}/v1/completions`, body)).status).toBe(401);
      const auth = { authorization: `Bearer ${key}` };
      expect((await post(`${url}/v1/completions`, body, auth)).status).toBe(200);
      expect((await post(`${url}/v1/completions`, body, auth)).status).toBe(200);
      const limited = await post(`${url}/v1/completions`, body, auth);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const adminOff = await post(`${url}/v1/adapters`, { id: 'a', path: 'b' }, auth);
      expect(adminOff.status).toBe(403);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await server.shutdown();
    }
  });

  it('listens beyond loopback without keys only when told to, with a warning', async () => {
    await expect(
      createServer({ model: modelDir, host: '0.0.0.0', backend: 'cpu' }, { env: {} }),
    ).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without API keys/);
    const warnings: string[] = [];
    const server = await createServer(
      { model: modelDir, host: '0.0.0.0', port: 0, backend: 'cpu', allowUnauthenticated: true },
      { env: {}, warn: (line) => warnings.push(line) },
    );
    expect(warnings.join()).toMatch(/without API keys/);
    await server.shutdown();
  });

  it('drains on shutdown: running requests finish, then the port closes', async () => {
    const { server, url } = await startServer({ backend: 'cpu', drainTimeoutMs: 60_000 });
    const running = post(`${url}/v1/completions`, { ...long, max_tokens: 8 });
    while (server.scheduler.running === 0) await new Promise((done) => setTimeout(done, 10));
    const closing = server.shutdown();
    const finished = await running;
    expect(finished.status).toBe(200);
    expect(finished.json.choices[0].token_ids).toHaveLength(8);
    await closing;
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it("shuts one WebGPU server down without touching another's device", async () => {
    const first = await startServer({ backend: 'webgpu' });
    const second = await startServer({ backend: 'webgpu' });
    // Two backends on the process's one shared device.
    const deviceOf = (server: PrefixkitServer) => (server.base.backend as WebGpuBackend).device;
    expect(second.server.base.backend).not.toBe(first.server.base.backend);
    expect(deviceOf(second.server)).toBe(deviceOf(first.server));
    await second.server.shutdown();
    const response = await post(`${first.url}/v1/completions`, { ...long, max_tokens: 4 });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json.choices[0].token_ids).toHaveLength(4);
  });

  it('pings a queued stream, and ends a stream that fails midway with one error event', async () => {
    const { url } = await startServer({
      backend: 'cpu',
      maxBatchRows: 1,
      pingIntervalMs: 100,
      requestTimeoutMs: 1_500,
    });
    const stream = (body: object) =>
      fetch(`${url}/v1/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...long, max_tokens: 200, stream: true, ...body }),
      }).then((response) => response.text());
    // The first stream holds the only row until its time runs out; the second waits meanwhile.
    const [first, second] = await Promise.all([stream({}), stream({ max_tokens: 1 })]);
    const firstEvents = sseEvents(first);
    expect(firstEvents).not.toContain('[DONE]');
    const last = JSON.parse(firstEvents.at(-1)!) as { error: { code: string } };
    expect(last.error.code).toBe('SERVER_TIMEOUT');
    expect(firstEvents.filter((event) => event.includes('"error"'))).toHaveLength(1);
    expect(second).toMatch(/^: ping$/m);
  });

  it('answers 503 while draining', async () => {
    const { server, url } = await startServer({ backend: 'cpu', drainTimeoutMs: 60_000 });
    const running = post(`${url}/v1/completions`, { ...long, max_tokens: 8 });
    while (server.scheduler.running === 0) await new Promise((done) => setTimeout(done, 10));
    // A request already on its way when draining starts (its headers half sent).
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closing = server.shutdown();
    socket.write('\r\n');
    const [reply] = (await once(socket, 'data')) as [Buffer];
    expect(reply.toString()).toMatch(/^HTTP\/1\.1 503/);
    socket.destroy();
    expect((await running).status).toBe(200);
    await closing;
  });

  it('names a model path that does not exist, never asking the hub for it', async () => {
    const missing = join(modelDir, '..', 'no-such-model');
    const refused = createServer(
      { model: missing, backend: 'cpu' },
      { env: { HF_HUB_OFFLINE: '1' } },
    );
    await expect(refused).rejects.toThrow(FileNotFoundError);
    await expect(refused).rejects.toThrow(/no-such-model/);
  });

  it('refuses invalid server options naming the field', async () => {
    await expect(createServer({ model: modelDir, port: 70_000 })).rejects.toThrow(/field \/port/);
    await expect(createServer({ model: modelDir, maxBatchRow: 1 })).rejects.toThrow(/maxBatchRow/);
  });
});

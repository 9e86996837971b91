// Test helpers: an adapter root holding the shipped E2E prefix beside adapters made here over
// prefixkit-tiny (random but deterministic: prefixes of other lengths, a soft prompt, an infix,
// a Houlsby adapter that needs a batch of its own, and one built for another model shape), and
// a server on a free loopback port.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPeftModel } from '@prefixkit/peft';
import { savePeftDirectory } from '@prefixkit/peft/node';
import { afterAll } from 'vitest';
import { loadBaseModel } from '../src/model/load-base-model';
import { createServer, type PrefixkitServer } from '../src/server';

export const modelDir = fileURLToPath(new URL('../../../models/prefixkit-tiny', import.meta.url));
export const shippedPrefix = join(modelDir, 'prefixes', 'e2e');

/** The adapter ids in makeAdapterRoot()'s folder, by what they are. */
export const adapters = {
  shipped: 'e2e',
  prefix: 'prefix-4',
  embedding: 'soft-3',
  infix: 'infix-2',
  houlsby: 'houlsby',
  otherShape: 'other-shape',
} as const;

/** A fresh adapter root; returns its path. */
export async function makeAdapterRoot(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'prefixkit-adapters-'));
  cpSync(shippedPrefix, join(root, adapters.shipped), { recursive: true });
  const { model, release } = await loadBaseModel({ model: modelDir, backend: 'cpu', env: {} });
  const made: [string, object][] = [
    [adapters.prefix, { method: 'prefix-flat', prefixLength: 4 }],
    [adapters.embedding, { method: 'embedding-only', prefixLength: 3 }],
    [adapters.infix, { method: 'infix', infixLength: 2, reparameterize: false }],
    [adapters.houlsby, { method: 'adapter', bottleneck: 8, init: 'normal' }],
  ];
  for (const [id, config] of made) {
    const peft = await createPeftModel(model, config, { seed: id.length });
    // Larger than the init: the adapters must visibly change the outputs.
    const values = await peft.parameters.toHost();
    for (const value of Object.values(values))
      for (let i = 0; i < value.data.length; i++) value.data[i]! *= 20;
    peft.parameters.load(values, id);
    await savePeftDirectory(peft, join(root, id), { baseModelNameOrPath: 'prefixkit-tiny' });
  }
  const other = join(root, adapters.otherShape);
  mkdirSync(other);
  cpSync(
    join(shippedPrefix, 'adapter_model.safetensors'),
    join(other, 'adapter_model.safetensors'),
  );
  writeFileSync(
    join(other, 'adapter_config.json'),
    JSON.stringify({
      peft_type: 'PREFIX_TUNING',
      task_type: 'CAUSAL_LM',
      num_layers: 12,
      token_dim: 768,
      num_attention_heads: 12,
      num_virtual_tokens: 9,
    }),
  );
  await release();
  return root;
}

const open: PrefixkitServer[] = [];

/** A server on 127.0.0.1 with a free port; shut down after the file's tests. */
export async function startServer(
  options: Record<string, unknown>,
): Promise<{ server: PrefixkitServer; url: string }> {
  const server = await createServer(
    { model: modelDir, port: 0, ...options },
    { env: {}, warn: () => {} },
  );
  open.push(server);
  return { server, url: await server.listen() };
}

afterAll(async () => {
  for (const server of open.splice(0)) await server.shutdown();
});

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tests read response fields and check each one.
  const json = (await response.json()) as Record<string, any>;
  return { status: response.status, headers: response.headers, json };
}

/** The `data:` payloads of an SSE body, in order (comments skipped). */
export function sseEvents(text: string): string[] {
  return text
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

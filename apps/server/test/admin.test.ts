// /v1/models and the admin routes: what each adapter is, residency, pinning, registering by path
// (never outside the adapter root, not through a symlink either), draining deletes, and the keys
// that guard them.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adapters, makeAdapterRoot, post, startServer } from './fixtures';

const adminKey = 'admin-key-0123456789';
let url: string;
let root: string;

beforeAll(async () => {
  root = await makeAdapterRoot();
  const outside = mkdtempSync(join(tmpdir(), 'prefixkit-outside-'));
  mkdirSync(join(outside, 'secret'));
  symlinkSync(join(outside, 'secret'), join(root, 'escape'));
  ({ url } = await startServer({
    adapterRoot: root,
    backend: 'cpu',
    adminKeyFile: await writeKey(adminKey),
  }));
}, 120_000);

async function writeKey(key: string): Promise<string> {
  const { writeFileSync } = await import('node:fs');
  const file = join(mkdtempSync(join(tmpdir(), 'prefixkit-key-')), 'admin.key');
  writeFileSync(file, `# the admin key\n${key}\n`);
  return file;
}

const admin = { authorization: `Bearer ${adminKey}` };

async function models(): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(`${url}/v1/models`);
  const { data } = (await response.json()) as { data: Record<string, unknown>[] };
  return Object.fromEntries(data.map((model) => [model.id as string, model]));
}

describe('models and adapters', () => {
  it('lists the base model and every adapter with its kind, slots and batching', async () => {
    const listed = await models();
    expect(listed['prefixkit-tiny']).toMatchObject({ kind: 'base', parent: null });
    expect(listed[adapters.shipped]).toMatchObject({
      kind: 'prefix-flat',
      num_virtual_tokens: 9,
      batching: 'shared',
      status: 'registered',
      parent: 'prefixkit-tiny',
    });
    expect(listed[adapters.embedding]).toMatchObject({
      kind: 'embedding-only',
      num_virtual_tokens: 3,
      batching: 'shared',
    });
    expect(listed[adapters.infix]).toMatchObject({ kind: 'infix', num_virtual_tokens: 2 });
    expect(listed[adapters.houlsby]).toMatchObject({ kind: 'adapter', batching: 'own-group' });
    expect(listed.escape).toBeUndefined();
  });

  it('loads an adapter on first use and pins it', async () => {
    const used = await post(`${url}/v1/completions`, {
      model: adapters.prefix,
      prompt: 'x',
      max_tokens: 2,
      temperature: 0,
    });
    expect(used.status).toBe(200);
    expect((await models())[adapters.prefix]).toMatchObject({ status: 'resident', pinned: false });
    const pinned = await fetch(`${url}/v1/adapters/${adapters.shipped}/pin`, {
      method: 'POST',
      headers: admin,
    });
    expect(pinned.status).toBe(200);
    expect((await models())[adapters.shipped]).toMatchObject({ status: 'resident', pinned: true });
    await fetch(`${url}/v1/adapters/${adapters.shipped}/pin`, { method: 'DELETE', headers: admin });
    expect((await models())[adapters.shipped]).toMatchObject({ pinned: false });
  });

  it('registers by a path inside the root only, and deletes', async () => {
    const created = await post(
      `${url}/v1/adapters`,
      { id: 'alias', path: adapters.shipped },
      admin,
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'alias', kind: 'prefix-flat' });
    const viaAlias = await post(`${url}/v1/completions`, {
      model: 'alias',
      prompt: 'name : Aromi',
      max_tokens: 3,
      temperature: 0,
    });
    const direct = await post(`${url}/v1/completions`, {
      model: adapters.shipped,
      prompt: 'name : Aromi',
      max_tokens: 3,
      temperature: 0,
    });
    expect(viaAlias.json.choices[0].token_ids).toEqual(direct.json.choices[0].token_ids);
    for (const path of ['..', '../..', '/etc', 'escape']) {
      const refused = await post(`${url}/v1/adapters`, { id: `x${path.length}`, path }, admin);
      expect(refused.status, path).toBe(400);
      expect(refused.json.error.param).toBe('path');
    }
    const escaped = await post(`${url}/v1/completions`, { model: 'escape', prompt: 'x' });
    expect(escaped.status).toBe(400);
    expect(escaped.json.error.code).toBe('SERVER_PATH_OUTSIDE_ROOT');
    const deleted = await fetch(`${url}/v1/adapters/alias`, { method: 'DELETE', headers: admin });
    expect(deleted.status).toBe(200);
    const gone = await post(`${url}/v1/completions`, { model: 'alias', prompt: 'x' });
    expect(gone.status).toBe(404);
  });

  it('guards administration with the admin key', async () => {
    const none = await post(`${url}/v1/adapters`, { id: 'a', path: adapters.shipped });
    expect(none.status).toBe(401);
    const wrong = await post(
      `${url}/v1/adapters`,
      { id: 'a', path: adapters.shipped },
      { authorization: 'Bearer wrong-key-0123456789' },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.type).toBe('authentication_error');
  });

  it('serves its OpenAPI document, health, readiness and metrics', async () => {
    const openapi = (await (await fetch(`${url}/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/completions', '/v1/models', '/v1/adapters']),
    );
    expect(JSON.stringify(openapi.paths['/v1/completions'])).toContain('num_beams');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(await (await fetch(`${url}/ready`)).json()).toMatchObject({ ready: true });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/prefixkit_requests_total\{model="prefix-4",status="200"\} 1/);
    expect(metrics).toMatch(/prefixkit_adapter_cache_total\{event="miss"\} [1-9]/);
    expect(metrics).toMatch(/prefixkit_tokens_generated_total\{model="prefix-4"\} 2/);
    expect(metrics).toMatch(/prefixkit_time_to_first_token_seconds_count [1-9]/);
  });
});

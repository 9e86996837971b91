import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackHub, startLoopbackHub } from '../../test/loopback-hub';
import { readGpt2CheckpointDirectory } from '../checkpoint/gpt2-checkpoint-directory.node.js';
import { HubError } from '../errors';
import { downloadGpt2, hubDownload } from './hub-download.node.js';
import { resolveHubSettings } from './hub-settings.node.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/tiny/${name}`, import.meta.url)));
const commit = '0123456789abcdef0123456789abcdef01234567';
const weights = fixture('model.safetensors');
const weightsSha = createHash('sha256').update(weights).digest('hex');
const repoDir = (cache: string) => join(cache, 'models--test-org--tiny-gpt2');

let hub: LoopbackHub;
let cache: string;
beforeAll(async () => {
  hub = await startLoopbackHub({
    'test-org/tiny-gpt2': {
      commit,
      files: {
        'config.json': { content: fixture('config.json'), lfs: false },
        'model.safetensors': { content: weights, lfs: true },
        'merges.txt': { content: new TextEncoder().encode('#version: 0.2\n'), lfs: false },
      },
    },
    'private-org/tiny': {
      commit,
      token: 'secret',
      files: { 'config.json': { content: fixture('config.json'), lfs: false } },
    },
  });
});
afterAll(() => hub.close());
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'hub-cache-'));
  hub.requests.length = 0;
  hub.cutNextTransferAfter = undefined;
  hub.corrupt = false;
  return () => rm(cache, { recursive: true, force: true });
});

const options = () => ({ endpoint: hub.endpoint, cacheDir: cache, env: {} });

describe('hub download into the huggingface_hub cache layout', () => {
  it('stores blobs by etag, snapshot files as relative symlinks and refs/main', async () => {
    const folder = await downloadGpt2({ ...options(), repoId: 'test-org/tiny-gpt2' });
    expect(folder).toBe(join(repoDir(cache), 'snapshots', commit));
    expect(await readFile(join(repoDir(cache), 'refs', 'main'), 'utf8')).toBe(commit);
    const link = join(folder, 'model.safetensors');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(`../../blobs/${weightsSha}`);
    expect((await readdir(join(repoDir(cache), 'blobs'))).sort()).toHaveLength(3);
    const checkpoint = await readGpt2CheckpointDirectory(folder);
    expect(checkpoint.config.vocab_size).toBe(96);
    // Optional files the repo lacks (tokenizer.json, ...) were asked for and skipped.
    expect(hub.requests.some((r) => r.url.endsWith('/tokenizer.json'))).toBe(true);
  });

  it('reuses cached blobs: a second call sends only HEAD requests', async () => {
    await hubDownload({
      ...options(),
      repoId: 'test-org/tiny-gpt2',
      filename: 'model.safetensors',
    });
    hub.requests.length = 0;
    const path = await hubDownload({
      ...options(),
      repoId: 'test-org/tiny-gpt2',
      filename: 'model.safetensors',
    });
    expect(hub.requests.map((r) => r.method)).toEqual(['HEAD']);
    expect(Buffer.from(await readFile(path)).equals(Buffer.from(weights))).toBe(true);
  });

  it('resumes an interrupted transfer with a Range request and verifies sha256', async () => {
    hub.cutNextTransferAfter = 50_000;
    const request = { ...options(), repoId: 'test-org/tiny-gpt2', filename: 'model.safetensors' };
    const error = await hubDownload(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubError);
    const partial = join(repoDir(cache), 'blobs', `${weightsSha}.incomplete`);
    expect((await stat(partial)).size).toBe(50_000);
    await expect(stat(join(repoDir(cache), 'blobs', weightsSha))).rejects.toThrow();
    const path = await hubDownload(request);
    expect(hub.requests.filter((r) => r.method === 'GET').map((r) => r.range)).toEqual([
      undefined,
      'bytes=50000-',
    ]);
    expect(Buffer.from(await readFile(path)).equals(Buffer.from(weights))).toBe(true);
    await expect(stat(partial)).rejects.toThrow();
  });

  it('rejects content that does not match its etag and leaves nothing in the cache', async () => {
    hub.corrupt = true;
    const error = await hubDownload({
      ...options(),
      repoId: 'test-org/tiny-gpt2',
      filename: 'model.safetensors',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('HUB_INTEGRITY');
    expect(await readdir(join(repoDir(cache), 'blobs'))).toEqual([]);
  });

  it('reports 404 and 401 as typed errors naming the URL', async () => {
    const missing = await hubDownload({
      ...options(),
      repoId: 'test-org/tiny-gpt2',
      filename: 'nope.bin',
    }).catch((caught: unknown) => caught);
    expect((missing as HubError).code).toBe('HUB_NOT_FOUND');
    expect((missing as Error).message).toMatch(
      /test-org\/tiny-gpt2@main\/nope\.bin: not found \(HTTP 404, EntryNotFound\) at http:\/\/127\.0\.0\.1:\d+\/test-org\/tiny-gpt2\/resolve\/main\/nope\.bin/,
    );
    const denied = await hubDownload({
      ...options(),
      repoId: 'private-org/tiny',
      filename: 'config.json',
    }).catch((caught: unknown) => caught);
    expect((denied as HubError).code).toBe('HUB_UNAUTHORIZED');
    expect((denied as Error).message).toMatch(/HF_TOKEN/);
  });

  it('sends HF_TOKEN as a bearer token', async () => {
    const path = await hubDownload({
      endpoint: hub.endpoint,
      cacheDir: cache,
      env: { HF_TOKEN: 'secret' },
      repoId: 'private-org/tiny',
      filename: 'config.json',
    });
    expect(JSON.parse(await readFile(path, 'utf8')).n_layer).toBe(2);
    expect(hub.requests.every((r) => r.authorization === 'Bearer secret')).toBe(true);
  });

  it('works offline from the cache and names the missing path otherwise', async () => {
    const request = { ...options(), repoId: 'test-org/tiny-gpt2', filename: 'config.json' };
    const online = await hubDownload(request);
    hub.requests.length = 0;
    const offline = { ...request, env: { HF_HUB_OFFLINE: '1' } };
    expect(await hubDownload(offline)).toBe(online);
    expect(await hubDownload({ ...offline, revision: commit })).toBe(online);
    const error = await hubDownload({ ...offline, filename: 'model.safetensors' }).catch(
      (caught: unknown) => caught,
    );
    expect((error as HubError).code).toBe('HUB_OFFLINE');
    expect((error as HubError).path).toBe(
      join(repoDir(cache), 'snapshots', commit, 'model.safetensors'),
    );
    const noRef = await hubDownload({ ...offline, revision: 'v2' }).catch(
      (caught: unknown) => caught,
    );
    expect((noRef as HubError).path).toBe(join(repoDir(cache), 'refs', 'v2'));
    expect(hub.requests).toEqual([]);
  });

  it('falls back to the cache when the hub cannot be reached', async () => {
    const request = { ...options(), repoId: 'test-org/tiny-gpt2', filename: 'config.json' };
    const path = await hubDownload(request);
    expect(await hubDownload({ ...request, endpoint: 'http://127.0.0.1:9' })).toBe(path);
  });
});

describe('hub settings', () => {
  it('follows huggingface_hub precedence for cache, endpoint, offline and token', () => {
    expect(resolveHubSettings({ env: { HF_HOME: '/h' } }).cacheDir).toBe('/h/hub');
    expect(resolveHubSettings({ env: { HF_HOME: '/h', HF_HUB_CACHE: '/c' } }).cacheDir).toBe('/c');
    expect(resolveHubSettings({ env: { XDG_CACHE_HOME: '/x' } }).cacheDir).toBe(
      '/x/huggingface/hub',
    );
    expect(resolveHubSettings({ env: { HF_ENDPOINT: 'http://127.0.0.1:1/' } }).endpoint).toBe(
      'http://127.0.0.1:1',
    );
    expect(resolveHubSettings({ env: { HF_HUB_OFFLINE: 'TRUE' } }).offline).toBe(true);
    expect(resolveHubSettings({ env: { HF_HUB_OFFLINE: '0' } }).offline).toBe(false);
    expect(resolveHubSettings({ env: { HF_TOKEN: 't' } }).token).toBe('t');
  });
});

// huggingface_hub cache behaviours beyond plain downloads: `.no_exist` markers for files the hub
// answers 404 for, per-blob locks for concurrent downloads, and the saved login token file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackHub, startLoopbackHub } from '../../test/loopback-hub';
import type { HubError } from '../errors';
import { blobLockPath } from './blob-lock.node.js';
import { hubDownload, hubDownloadSnapshot } from './hub-download.node.js';
import { resolveHubSettings } from './hub-settings.node.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/tiny/${name}`, import.meta.url)));
const commit = 'fedcba9876543210fedcba9876543210fedcba98';
const weights = fixture('model.safetensors');
const repoDir = (cache: string) => join(cache, 'models--test-org--tiny-gpt2');

let hub: LoopbackHub;
let cache: string;
let weightsEtag: string;
beforeAll(async () => {
  hub = await startLoopbackHub({
    'test-org/tiny-gpt2': {
      commit,
      files: {
        'config.json': { content: fixture('config.json'), lfs: false },
        'model.safetensors': { content: weights, lfs: true },
      },
    },
    'private-org/tiny': {
      commit,
      token: 'from-file',
      files: { 'config.json': { content: fixture('config.json'), lfs: false } },
    },
  });
  const { createHash } = await import('node:crypto');
  weightsEtag = createHash('sha256').update(weights).digest('hex');
});
afterAll(() => hub.close());
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'hub-markers-'));
  hub.requests.length = 0;
  hub.storageDelayMs = 0;
  return () => rm(cache, { recursive: true, force: true });
});

const request = (filename: string) => ({
  endpoint: hub.endpoint,
  cacheDir: cache,
  env: {},
  repoId: 'test-org/tiny-gpt2',
  filename,
});
const storageGets = () =>
  hub.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/lfs/'));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as HubError,
  );

describe('.no_exist markers', () => {
  it('records a 404 at the commit the hub names, and answers from it offline', async () => {
    const online = await failure(hubDownload(request('tokenizer.json')));
    expect(online.code).toBe('HUB_NOT_FOUND');
    const marker = join(repoDir(cache), '.no_exist', commit, 'tokenizer.json');
    expect((await stat(marker)).size).toBe(0);
    expect(await readFile(join(repoDir(cache), 'refs', 'main'), 'utf8')).toBe(commit);

    hub.requests.length = 0;
    const offline = await failure(
      hubDownload({ ...request('tokenizer.json'), env: { HF_HUB_OFFLINE: '1' } }),
    );
    expect(offline.code).toBe('HUB_NOT_FOUND');
    expect(offline.path).toBe(marker);
    // A file never asked for is still just "not cached".
    const unknown = await failure(
      hubDownload({ ...request('vocab.json'), env: { HF_HUB_OFFLINE: '1' } }),
    );
    expect(unknown.code).toBe('HUB_OFFLINE');
    expect(hub.requests).toEqual([]);
  });

  it('lets an offline snapshot skip optional files known to be missing', async () => {
    await hubDownloadSnapshot({
      endpoint: hub.endpoint,
      cacheDir: cache,
      env: {},
      repoId: 'test-org/tiny-gpt2',
      files: ['config.json'],
      optionalFiles: ['merges.txt'],
    });
    expect(await readdir(join(repoDir(cache), '.no_exist', commit))).toEqual(['merges.txt']);
    const folder = await hubDownloadSnapshot({
      cacheDir: cache,
      env: { HF_HUB_OFFLINE: '1' },
      repoId: 'test-org/tiny-gpt2',
      files: ['config.json'],
      optionalFiles: ['merges.txt'],
    });
    expect(folder).toBe(join(repoDir(cache), 'snapshots', commit));
  });

  it('writes no marker for a repository that does not exist', async () => {
    const error = await failure(hubDownload({ ...request('config.json'), repoId: 'no/such' }));
    expect(error.code).toBe('HUB_NOT_FOUND');
    await expect(stat(join(cache, 'models--no--such'))).rejects.toThrow();
  });
});

describe('blob locks', () => {
  it('downloads a blob once when two callers ask at the same time', async () => {
    hub.storageDelayMs = 300;
    const [a, b] = await Promise.all([
      hubDownload(request('model.safetensors')),
      hubDownload({ ...request('model.safetensors'), lock: { pollMs: 20 } }),
    ]);
    expect(a).toBe(b);
    expect(storageGets()).toHaveLength(1);
    expect(Buffer.from(await readFile(a)).equals(Buffer.from(weights))).toBe(true);
    const locks = join(cache, '.locks', 'models--test-org--tiny-gpt2');
    expect(await readdir(locks)).toEqual([]);
  });

  it('waits while another live process holds the lock', async () => {
    const lock = blobLockPath(cache, 'test-org/tiny-gpt2', weightsEtag);
    await hubDownload(request('config.json')); // creates the repo folders
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(lock, '..'), { recursive: true });
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    let releasedAt = 0;
    setTimeout(() => {
      releasedAt = Date.now();
      void rm(lock);
    }, 250);
    const path = await hubDownload({ ...request('model.safetensors'), lock: { pollMs: 20 } });
    expect(releasedAt).toBeGreaterThan(0);
    expect(Buffer.from(await readFile(path)).equals(Buffer.from(weights))).toBe(true);
    await expect(stat(lock)).rejects.toThrow();
  });

  it('takes over the lock of a process that is gone, and times out on a live one', async () => {
    const lock = blobLockPath(cache, 'test-org/tiny-gpt2', weightsEtag);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(lock, '..'), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lock, JSON.stringify({ pid: gone, host: hostname() }));
    const path = await hubDownload({ ...request('model.safetensors'), lock: { pollMs: 20 } });
    expect(Buffer.from(await readFile(path)).equals(Buffer.from(weights))).toBe(true);

    await rm(join(repoDir(cache), 'blobs'), { recursive: true });
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    const error = await failure(
      hubDownload({ ...request('model.safetensors'), lock: { pollMs: 20, timeoutMs: 150 } }),
    );
    expect(error.code).toBe('HUB_LOCKED');
    expect(error.path).toBe(lock);
  });
});

describe('token file', () => {
  it('reads $HF_HOME/token (or HF_TOKEN_PATH) when HF_TOKEN is unset', async () => {
    await writeFile(join(cache, 'token'), '  from-file\n');
    expect(resolveHubSettings({ env: { HF_HOME: cache } }).token).toBe('from-file');
    expect(resolveHubSettings({ env: { HF_HOME: cache, HF_TOKEN: 'env' } }).token).toBe('env');
    expect(resolveHubSettings({ env: { HF_HOME: '/nonexistent' } }).token).toBeUndefined();
    await writeFile(join(cache, 'other'), 'path-token');
    expect(
      resolveHubSettings({ env: { HF_HOME: cache, HF_TOKEN_PATH: join(cache, 'other') } }).token,
    ).toBe('path-token');
    await writeFile(join(cache, 'empty'), '\n');
    expect(
      resolveHubSettings({ env: { HF_HOME: cache, HF_TOKEN_PATH: join(cache, 'empty') } }).token,
    ).toBeUndefined();

    const path = await hubDownload({
      endpoint: hub.endpoint,
      env: { HF_HOME: cache },
      repoId: 'private-org/tiny',
      filename: 'config.json',
    });
    expect(path.startsWith(join(cache, 'hub'))).toBe(true);
    expect(hub.requests.every((r) => r.authorization === 'Bearer from-file')).toBe(true);
  });
});

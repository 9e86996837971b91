// `prefixkit download` through the real binary against a local stand-in for the Hugging Face
// hub (HF_ENDPOINT): HEAD answers with X-Repo-Commit, ETag (git blob sha1) and size; GET honours
// Range, so a cut transfer's `.incomplete` file is resumed, not restarted. Offline, both a model
// and a data set fail with exit 7 naming the path that was looked for.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDir, parseJsonOutput, runPrefixkit } from './run-cli';

const commit = 'c0ffee'.padEnd(40, '0');
const files: Record<string, Buffer> = {
  'config.json': Buffer.from('{"model_type": "gpt2", "n_layer": 1}\n'),
  'model.safetensors': Buffer.alloc(300_000, 7),
};
const etag = (body: Buffer) =>
  createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
const ranges: string[] = [];
// The official E2E testset.csv, when the shared data folder is there (checksum in the manifest).
const officialTestset = join(cliDir, '..', '..', '..', 'shared', 'data', 'e2e', 'testset.csv');
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/wrong/testset.csv') {
      response.writeHead(200).end('MR\n"name[Not the official file]"\n');
      return;
    }
    if (request.url === '/real/testset.csv' && existsSync(officialTestset)) {
      response.writeHead(200).end(readFileSync(officialTestset));
      return;
    }
    const match = /^\/test-org\/tiny\/resolve\/main\/(.+)$/.exec(request.url ?? '');
    const body = match ? files[match[1]!] : undefined;
    if (!body) {
      response.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end();
      return;
    }
    const headers = { 'x-repo-commit': commit, etag: `"${etag(body)}"` };
    if (request.method === 'HEAD') {
      response.writeHead(200, { ...headers, 'content-length': body.length }).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    if (range) {
      ranges.push(request.headers.range!);
      const part = body.subarray(Number(range[1]));
      response.writeHead(206, { ...headers, 'content-length': part.length }).end(part);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.concurrent('prefixkit download', () => {
  it('downloads a model into the hub cache layout, resuming a cut transfer', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'prefixkit-hub-'));
    const blobs = join(cache, 'models--test-org--tiny', 'blobs');
    mkdirSync(blobs, { recursive: true });
    const weights = files['model.safetensors']!;
    writeFileSync(join(blobs, `${etag(weights)}.incomplete`), weights.subarray(0, 120_000));
    const run = await runPrefixkit(['download', '--model', 'test-org/tiny', '--json'], {
      env: { HF_ENDPOINT: endpoint, HF_HUB_CACHE: cache, HF_HUB_OFFLINE: undefined },
    });
    expect(run.code, run.stderr).toBe(0);
    const snapshot = join(cache, 'models--test-org--tiny', 'snapshots', commit);
    expect(parseJsonOutput(run).result).toMatchObject({
      kind: 'model',
      model: {
        repoId: 'test-org/tiny',
        snapshot,
        files: [{ name: 'config.json' }, { name: 'model.safetensors', bytes: weights.length }],
      },
    });
    expect(readFileSync(join(snapshot, 'model.safetensors')).equals(weights)).toBe(true);
    expect(ranges).toContain('bytes=120000-');
    expect(run.stderr).toMatch(/test-org\/tiny: model\.safetensors 0\.3 MiB done/);
  });

  it('offline without a cached model: exit 7 naming the path looked for', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'prefixkit-hub-'));
    const run = await runPrefixkit(['download', '--model', 'gpt2-medium'], {
      env: { HF_HUB_CACHE: cache, HF_HUB_OFFLINE: '1' },
    });
    expect(run.code).toBe(7);
    expect(run.stderr).toContain(
      `not in the cache (looked for ${cache}/models--openai-community--gpt2-medium/`,
    );
    expect(run.stderr).toMatch(/\[HUB_OFFLINE, exit 7\]\n$/);
  });

  it('data sets: offline names where the file goes (exit 7); a wrong file is rejected by checksum', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prefixkit-data-'));
    const offline = await runPrefixkit(
      ['download', '--dataset', 'e2e', '--files', 'testset.csv', '--folder', folder],
      { env: { PREFIXKIT_OFFLINE: '1' } },
    );
    expect(offline.code).toBe(7);
    expect(offline.stderr).toContain(
      `cannot download testset.csv (offline) and it is not at ${join(folder, 'testset.csv')}`,
    );
    const wrong = await runPrefixkit([
      'download',
      '--dataset',
      'e2e',
      '--files',
      'testset.csv',
      '--folder',
      folder,
      '--base-url',
      `${endpoint}/wrong/`,
    ]);
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toMatch(/\[DATASET_CHECKSUM, exit 5\]/);
    expect(existsSync(join(folder, 'testset.csv'))).toBe(false);
  });

  it.runIf(existsSync(officialTestset))(
    'data sets: downloads and checks the official file, then finds it cached',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'prefixkit-data-'));
      const args = [
        'download',
        '--dataset',
        'e2e',
        '--files',
        'testset.csv',
        '--folder',
        folder,
        '--base-url',
        `${endpoint}/real/`,
        '--json',
      ];
      const first = await runPrefixkit(args);
      expect(first.code, first.stderr).toBe(0);
      expect(readFileSync(join(folder, 'testset.csv')).equals(readFileSync(officialTestset))).toBe(
        true,
      );
      const again = await runPrefixkit([...args, '--offline']);
      expect(again.code, again.stderr).toBe(0);
      expect(parseJsonOutput(again).result).toMatchObject({
        dataset: { files: [{ path: 'testset.csv', cached: true }] },
      });
    },
  );
});

// Node-only: the download source against a loopback HTTP server (node:http on 127.0.0.1), the
// on-disk cache, checksums, the offline error, and local folders (including the shipped XSUM
// sample, which stands in for a user's own files).

import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChecksumMismatchError,
  createFetchSource,
  type DataFile,
  DatasetNotFoundError,
  DownloadError,
  readE2E,
  readXsumSplit,
  sha256Hex,
} from '../src/index';
import { createFileCache, createFolderSource, readTextFile } from '../src/node';
import { fixturesDir } from './data-location';

const devCsv = join(fixturesDir, 'e2e/devset.csv');
let server: Server;
let baseUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  const body = await readFile(devCsv);
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/e2e/devset.csv') {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(body);
    } else if (request.url === '/e2e/tampered.csv') {
      response.writeHead(200);
      response.end('mr,ref\nname[X],Tampered.\n');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e2e/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function knownFiles(): Promise<DataFile[]> {
  const bytes = new Uint8Array(await readFile(devCsv));
  return [
    { path: 'devset.csv', bytes: bytes.length, sha256: await sha256Hex(bytes) },
    { path: 'tampered.csv', bytes: 0, sha256: '0'.repeat(64) },
  ];
}

describe('download source (loopback server)', () => {
  it('downloads, checks the SHA-256, caches, and serves the second read from the cache', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'prefixkit-cache-'));
    const source = createFetchSource({
      fetch,
      baseUrl,
      files: await knownFiles(),
      cache: createFileCache(cacheDir),
    });
    requests.length = 0;
    const first = await readE2E(source.readText('devset.csv')).toArray();
    const second = await readE2E(source.readText('devset.csv')).toArray();
    expect(first.length).toBeGreaterThan(400);
    expect(second).toEqual(first);
    expect(requests).toEqual(['/e2e/devset.csv']);
    expect(await readdir(cacheDir)).toEqual(['devset.csv']);
  });

  it('rejects a file whose checksum differs and does not cache it', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'prefixkit-cache-'));
    const source = createFetchSource({
      fetch,
      baseUrl,
      files: await knownFiles(),
      cache: createFileCache(cacheDir),
    });
    await expect(readE2E(source.readText('tampered.csv')).toArray()).rejects.toThrow(
      ChecksumMismatchError,
    );
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('re-downloads when the cached copy was altered', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'prefixkit-cache-'));
    await writeFile(join(cacheDir, 'devset.csv'), 'mr,ref\nname[Edited],By hand.\n');
    const source = createFetchSource({
      fetch,
      baseUrl,
      files: await knownFiles(),
      cache: createFileCache(cacheDir),
    });
    const records = await readE2E(source.readText('devset.csv')).toArray();
    expect(records[0]!.attributes[0]!.value).toBe('Alimentum');
  });

  it('maps an HTTP error status to DownloadError', async () => {
    const source = createFetchSource({ fetch, baseUrl });
    await expect(readE2E(source.readText('missing.csv')).toArray()).rejects.toMatchObject({
      code: 'DATASET_DOWNLOAD',
      status: 404,
    });
    await expect(readE2E(source.readText('missing.csv')).toArray()).rejects.toThrow(DownloadError);
  });

  it('offline: a DatasetNotFoundError naming the cache path to put the file in', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'prefixkit-cache-'));
    const offline = () => Promise.reject(new TypeError('fetch failed'));
    const source = createFetchSource({ fetch: offline, baseUrl, cache: createFileCache(cacheDir) });
    const error = await readE2E(source.readText('devset.csv'))
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetNotFoundError);
    expect((error as DatasetNotFoundError).path).toBe(join(cacheDir, 'devset.csv'));
    expect((error as Error).message).toContain(`put it at ${join(cacheDir, 'devset.csv')}`);
  });
});

describe('local folders', () => {
  it('a missing file names its full path', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'prefixkit-empty-'));
    const source = createFolderSource(folder);
    await expect(readE2E(source.readText('trainset.csv')).toArray()).rejects.toMatchObject({
      code: 'DATASET_NOT_FOUND',
      path: join(folder, 'trainset.csv'),
    });
  });

  it('streams a file in chunks without splitting UTF-8 characters', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'prefixkit-utf8-'));
    const text = `mr,ref\n${'"name[Café], near[Café Rouge]",£ and é.\n'.repeat(5000)}`;
    await writeFile(join(folder, 'big.csv'), text);
    let chunks = 0;
    let joined = '';
    for await (const chunk of readTextFile(join(folder, 'big.csv'))) {
      chunks += 1;
      joined += chunk;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(joined).toBe(text);
  });

  it('reads a user-supplied XSUM folder in both layouts (synthetic sample)', async () => {
    const source = createFolderSource(join(fixturesDir, 'xsum'));
    const train = await readXsumSplit(source, 'train').toArray();
    const jsonl = await readXsumSplit(source, 'train', { format: 'jsonl' }).toArray();
    expect(train).toHaveLength(2);
    expect(jsonl.map((record) => record.id)).toEqual(['synthetic-1', 'synthetic-2']);
    expect(await readXsumSplit(source, 'val').toArray()).toHaveLength(1);
  });
});

// Downloads one blob into the cache: bytes go to `{blob}.incomplete` (resumed with a Range
// request when a previous transfer was cut), are checked against the expected size and hash
// (sha256 for LFS etags, git's blob sha1 for regular files), and only then renamed to the blob
// path. A failed check deletes the partial file; a cut connection keeps it for the next try.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HubError } from '../errors';
import { httpGetToFile } from './http-get-to-file.node.js';
import { httpStatusError, hubHeaders } from './hub-metadata.node.js';

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => 0,
  );
}

/** The hash an etag stands for, computed over the file; undefined when the etag is opaque. */
async function contentHash(path: string, etag: string, size: number): Promise<string | undefined> {
  let hash: ReturnType<typeof createHash>;
  if (/^[0-9a-f]{64}$/.test(etag)) hash = createHash('sha256');
  else if (/^[0-9a-f]{40}$/.test(etag)) hash = createHash('sha1').update(`blob ${size}\0`);
  else return undefined;
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface BlobDownload {
  url: string;
  blobPath: string;
  etag: string;
  size: number | undefined;
  token: string | undefined;
  what: string;
}

/** Downloads (or resumes) into `blobPath`; returns once the verified blob is in place. */
export async function downloadBlob(download: BlobDownload): Promise<void> {
  const { url, blobPath, etag, size, what } = download;
  const partial = `${blobPath}.incomplete`;
  await mkdir(dirname(blobPath), { recursive: true });
  let offset = await sizeOf(partial);
  if (size !== undefined && offset > size) {
    await rm(partial, { force: true });
    offset = 0;
  }
  const headers = hubHeaders(download.token);
  if (offset > 0) headers.range = `bytes=${offset}-`;
  let result: Awaited<ReturnType<typeof httpGetToFile>>;
  try {
    result = await httpGetToFile(url, headers, partial);
  } catch (cause) {
    throw new HubError(
      'HUB_HTTP',
      `${what}: cannot reach ${url} (${String(cause)})`,
      { url },
      { cause },
    );
  }
  if (result.status === 416 && offset > 0) {
    // The server has nothing past our partial file: start over rather than guess.
    await rm(partial, { force: true });
    return downloadBlob(download);
  }
  if (result.status !== 200 && result.status !== 206) {
    throw httpStatusError(result.status, result.headers, url, what);
  }
  if (!result.complete) {
    throw new HubError(
      'HUB_HTTP',
      `${what}: transfer from ${url} was interrupted after ${offset + result.written} bytes; the next call resumes it${result.error ? ` (${result.error.message})` : ''}`,
      { url, path: partial },
      result.error ? { cause: result.error } : {},
    );
  }
  const received = await sizeOf(partial);
  if (size !== undefined && received !== size) {
    if (received > size) await rm(partial, { force: true });
    throw new HubError(
      'HUB_INTEGRITY',
      `${what}: expected ${size} bytes, received ${received} from ${url}`,
      { url, path: partial },
    );
  }
  const actual = await contentHash(partial, etag, received);
  if (actual !== undefined && actual !== etag) {
    await rm(partial, { force: true });
    throw new HubError(
      'HUB_INTEGRITY',
      `${what}: content hash ${actual} does not match etag ${etag}; the partial download was deleted`,
      { url, path: partial },
    );
  }
  await rename(partial, blobPath);
}

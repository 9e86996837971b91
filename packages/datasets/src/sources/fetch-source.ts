// Downloads data files from a public home with a cache and SHA-256 checks. Browser-safe: it
// takes any fetch-compatible function and a ByteCache, and hashes with WebCrypto.
import { ChecksumMismatchError, DatasetNotFoundError, DownloadError } from '../errors';
import { decodeUtf8 } from '../text/text-input';
import type { DataFile } from './data-file';
import type { ByteCache, DataSource, FetchLike } from './data-source';

export interface FetchSourceOptions {
  fetch: FetchLike;
  /** Base URL of the data set's folder; file paths are appended to it. */
  baseUrl: string;
  /** Known files with their checksums; a file not listed is fetched without a check. */
  files?: readonly DataFile[];
  /** Where downloads are kept; without one every read downloads again. */
  cache?: ByteCache;
  /** Prefix of cache keys (default: none), e.g. the data set id. */
  cacheKeyPrefix?: string;
}

/** Lower-case hex SHA-256 of some bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Returns a file's bytes: from the cache when present and intact, otherwise downloaded,
 * checked and cached. Offline with no cached copy: DatasetNotFoundError naming where to put it.
 */
export async function fetchDataFile(
  path: string,
  options: FetchSourceOptions,
): Promise<Uint8Array> {
  const known = options.files?.find((file) => file.path === path);
  const key = `${options.cacheKeyPrefix ?? ''}${path}`;
  const url = new URL(path, options.baseUrl).href;
  const cached = await options.cache?.read(key);
  if (cached && (!known || (await sha256Hex(cached)) === known.sha256)) return cached;
  // A cached copy with the wrong checksum is downloaded again (a file replaced by hand, or an
  // upstream change); if the download fails too, the user learns where the file must go.
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await options.fetch(url);
  } catch (error) {
    const place = options.cache ? options.cache.locate(key) : 'a local folder (see the Node entry)';
    throw new DatasetNotFoundError(
      place,
      `Could not download ${url} (offline?). Download it by hand and put it at ${place}.`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new DownloadError(url, response.status, 'Check the base URL, or use a local folder.');
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (known) {
    const got = await sha256Hex(bytes);
    if (got !== known.sha256) throw new ChecksumMismatchError(url, known.sha256, got);
  }
  await options.cache?.write(key, bytes);
  return bytes;
}

/** A DataSource that downloads (and caches) files on first read. */
export function createFetchSource(options: FetchSourceOptions): DataSource {
  return {
    describe: (path) => new URL(path, options.baseUrl).href,
    readText: (path) => ({
      async *[Symbol.asyncIterator]() {
        yield* decodeUtf8(
          [await fetchDataFile(path, options)],
          new URL(path, options.baseUrl).href,
        );
      },
    }),
  };
}

/** A ByteCache in memory (for browsers without storage, and tests). */
export function createMemoryCache(): ByteCache & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return {
    entries,
    read: async (key) => entries.get(key),
    write: async (key, bytes) => {
      entries.set(key, bytes);
    },
    locate: (key) => `memory:${key}`,
  };
}

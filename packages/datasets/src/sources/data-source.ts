// Where data files come from. A DataSource hands out a file's text as streamed chunks; the core
// has the download source (any fetch-compatible function, a cache, checksums), the Node entry
// adds local folders and an on-disk cache.

/** Text of data files by their path inside a data set's folder. */
export interface DataSource {
  /** The file's text as chunks; fails with DatasetNotFoundError when it is not available. */
  readText(path: string): AsyncIterable<string>;
  /** A readable location for messages (a local path or a URL). */
  describe(path: string): string;
}

/** Byte storage for downloaded files (the Node entry provides a folder-backed one). */
export interface ByteCache {
  read(key: string): Promise<Uint8Array | undefined>;
  /** Must never leave a partial entry (write to a temporary name, then rename). */
  write(key: string, bytes: Uint8Array): Promise<void>;
  /** Where an entry lives, for "put the file here" messages. */
  locate(key: string): string;
}

/** The subset of `fetch` this package uses (the global fetch, undici, or a test double). */
export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

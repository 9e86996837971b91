// The Node-only entry (`@prefixkit/datasets/node`): local folders as data sources, an on-disk
// download cache, and writers for the official reference files. Everything here touches the
// file system; the parsing itself stays in the browser-safe core.
import { createReadStream } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertRegularFile, writeFileAtomic } from '@prefixkit/errors/node';
import { DatasetNotFoundError } from './errors';
import type { ReferenceGroup } from './records/group-references';
import { formatE2EReferences, formatWebNLGReferenceFiles } from './records/reference-writers';
import type { ByteCache, DataSource } from './sources/data-source';
import { decodeUtf8 } from './text/text-input';

/**
 * A DataSource over a local folder laid out like the official release.
 *
 * @example
 * const source = createFolderSource('/data/e2e');
 * const dev = readE2ESplit(source, 'dev');
 */
export function createFolderSource(folder: string): DataSource {
  const root = resolve(folder);
  const locate = (path: string) => join(root, ...path.split('/'));
  return {
    describe: locate,
    readText: (path) => readTextFile(locate(path)),
  };
}

/**
 * Streams a UTF-8 file as text chunks (64 KiB reads), so a large file is never held whole.
 * A missing file is a DatasetNotFoundError naming the path.
 */
export function readTextFile(path: string): AsyncIterable<string> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        await access(path);
      } catch (error) {
        throw new DatasetNotFoundError(
          path,
          `Put the official file at this path, or use a download source.`,
          { cause: error },
        );
      }
      assertRegularFile(path, 'Expected a data file.');
      yield* decodeUtf8(createReadStream(path, { highWaterMark: 1 << 16 }), path);
    },
  };
}

/** Writes a file atomically, creating its folder first (cache keys nest). */
async function writeCreatingFolder(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data);
}

/** A ByteCache in a folder (keys are relative paths). */
export function createFileCache(folder: string): ByteCache {
  const root = resolve(folder);
  const locate = (key: string) => join(root, ...key.split('/'));
  return {
    locate,
    async read(key) {
      try {
        return new Uint8Array(await readFile(locate(key)));
      } catch {
        return undefined;
      }
    },
    write: (key, bytes) => writeCreatingFolder(locate(key), bytes),
  };
}

/** Writes the E2E multi-reference file (one reference per line, blank line between inputs). */
export function writeE2EReferenceFile(
  path: string,
  groups: readonly ReferenceGroup[],
): Promise<void> {
  return writeCreatingFolder(path, formatE2EReferences(groups));
}

/**
 * Writes WebNLG reference files `${prefix}0.lex`, `${prefix}1.lex`, ... (the official naming is
 * `gold-all-cat-reference`), and returns their paths.
 */
export async function writeWebNLGReferenceFiles(
  prefix: string,
  groups: readonly ReferenceGroup[],
  options: Parameters<typeof formatWebNLGReferenceFiles>[1] = {},
): Promise<string[]> {
  const files = formatWebNLGReferenceFiles(groups, options);
  const paths = files.map((_, index) => `${prefix}${index}.lex`);
  await Promise.all(files.map((text, index) => writeCreatingFolder(paths[index]!, text)));
  return paths;
}

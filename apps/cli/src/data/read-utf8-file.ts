// Every text file the CLI reads whole (JSONL data, hypotheses, references, inputs, a run's
// config and log) goes through here. It is checked to be a regular file first (a FIFO would
// block the read forever); a file-system failure is typed naming the path, which Node omits for
// some (a read() error carries none); and bytes that are not UTF-8 are a typed error naming the
// file, line and byte offset (DATA_NOT_UTF8), never U+FFFD characters that would quietly change
// the text being scored.
import { readFileSync } from 'node:fs';
import { decodeUtf8Text } from '@prefixkit/datasets';
import { fileSystemErrorFrom } from '@prefixkit/errors';
import { assertRegularFile } from '@prefixkit/errors/node';

/**
 * The UTF-8 text of `path`; a leading byte-order mark is dropped. `hint` ends the message when
 * the path is missing or not a regular file.
 */
export function readUtf8File(path: string, hint = 'Check the path.'): string {
  assertRegularFile(path, hint);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fileSystemErrorFrom(error, { path }) ?? error;
  }
  return decodeUtf8Text(bytes, path);
}

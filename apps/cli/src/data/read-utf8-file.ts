// Every text file the CLI reads whole (JSONL data, hypotheses, references, inputs) goes through
// here: bytes that are not UTF-8 are a typed error naming the file, line and byte offset
// (DATA_NOT_UTF8), never U+FFFD characters that would quietly change the text being scored.
import { readFileSync } from 'node:fs';
import { decodeUtf8Text } from '@prefixkit/datasets';

/** The UTF-8 text of `path`; a leading byte-order mark is dropped. */
export function readUtf8File(path: string): string {
  return decodeUtf8Text(readFileSync(path), path);
}

// The one input type every parser takes: a whole string, or chunks of text arriving in any
// sizes (a fetch body decoded, a file read stream decoded). Browser-safe: no Node imports.
import { TextEncodingError } from '../errors';
import { findInvalidUtf8, Utf8Checker } from './utf8-check';

/** Text as a whole string, or as chunks (sync or async) that concatenate to it. */
export type TextInput = string | Iterable<string> | AsyncIterable<string>;

/** Iterates the chunks of a `TextInput`; a string is one chunk. */
export async function* textChunks(input: TextInput): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield input;
    return;
  }
  for await (const chunk of input as AsyncIterable<string>) yield chunk;
}

/**
 * Decodes UTF-8 byte chunks into text chunks; a character split across chunks is kept whole.
 * Bytes that are not UTF-8 are a TextEncodingError naming `file`, the line and the byte offset,
 * never silently replaced characters.
 */
export async function* decodeUtf8(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  file = 'input',
): AsyncGenerator<string> {
  const checker = new Utf8Checker();
  // A leading byte-order mark is dropped, as TextDecoder does by default.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes as AsyncIterable<Uint8Array>) {
    const problem = checker.push(chunk);
    if (problem) throw new TextEncodingError(file, problem);
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const problem = checker.end();
  if (problem) throw new TextEncodingError(file, problem);
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Decodes a whole UTF-8 file's bytes; invalid bytes are a TextEncodingError naming `file`. */
export function decodeUtf8Text(bytes: Uint8Array, file: string): string {
  const problem = findInvalidUtf8(bytes);
  if (problem) throw new TextEncodingError(file, problem);
  return new TextDecoder('utf-8').decode(bytes);
}

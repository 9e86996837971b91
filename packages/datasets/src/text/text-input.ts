// The one input type every parser takes: a whole string, or chunks of text arriving in any
// sizes (a fetch body decoded, a file read stream decoded). Browser-safe: no Node imports.

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

/** Decodes UTF-8 byte chunks into text chunks; a character split across chunks is kept whole. */
export async function* decodeUtf8(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<string> {
  // fatal: a file that is not UTF-8 is an error, not silently replaced characters.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for await (const chunk of bytes as AsyncIterable<Uint8Array>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

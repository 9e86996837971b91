// The tokenised corpus on disk, so a training machine needs neither the data sets nor the
// tokenizer's time: `train.tokens` and `heldout.tokens` are little-endian uint16 streams
// (GPT-2's 50257 ids fit) of `<|endoftext|> doc <|endoftext|> doc ...`, and `corpus.json` holds
// the report (sources, what was dropped, counts). Written atomically.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const endOfTextId = 50256;

/** Documents (token ids) -> the EOT-led uint16 stream. */
export function encodeStream(documents: readonly (readonly number[])[]): Uint8Array {
  const total = documents.reduce((n, d) => n + d.length + 1, 0);
  const out = new Uint16Array(total);
  let at = 0;
  for (const document of documents) {
    out[at++] = endOfTextId;
    out.set(document, at);
    at += document.length;
  }
  return new Uint8Array(out.buffer);
}

/**
 * The EOT-led stream -> documents. A structured pair (` source <|endoftext|> text`) holds an EOT
 * and so reads back as two documents; packing them gives back the same stream.
 */
export function decodeStream(bytes: Uint8Array): number[][] {
  const ids = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  const documents: number[][] = [];
  let current: number[] | null = null;
  for (const id of ids) {
    if (id === endOfTextId) {
      if (current) documents.push(current);
      current = [];
    } else current?.push(id);
  }
  if (current) documents.push(current);
  return documents;
}

export async function readCorpusDocuments(
  directory: string,
): Promise<{ train: number[][]; heldOut: number[][]; report: Record<string, unknown> }> {
  const read = async (name: string) => new Uint8Array(await readFile(join(directory, name)));
  return {
    train: decodeStream(await read('train.tokens')),
    heldOut: decodeStream(await read('heldout.tokens')),
    report: JSON.parse(await readFile(join(directory, 'corpus.json'), 'utf8')) as Record<
      string,
      unknown
    >,
  };
}

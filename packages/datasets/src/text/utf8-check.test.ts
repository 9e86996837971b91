// Invalid UTF-8 is an error that names the line and byte, wherever the chunks are cut, and
// agrees with TextDecoder's fatal mode on what is invalid.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextEncodingError } from '../errors';
import { createFolderSource } from '../node';
import { readE2ESplit } from '../sources/read-splits';
import { decodeUtf8, decodeUtf8Text } from './text-input';
import { findInvalidUtf8 } from './utf8-check';

const encode = (text: string) => new TextEncoder().encode(text);

async function decodeInPieces(bytes: Uint8Array, cut: number): Promise<string> {
  let text = '';
  for await (const chunk of decodeUtf8([bytes.subarray(0, cut), bytes.subarray(cut)], 'f.csv'))
    text += chunk;
  return text;
}

describe('UTF-8 checking', () => {
  it('accepts valid text cut anywhere, characters of every length included', async () => {
    const bytes = encode('a,é\n€ 𝄞\nlast');
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(await decodeInPieces(bytes, cut)).toBe('a,é\n€ 𝄞\nlast');
  });

  it('names the line and the byte of the first invalid sequence, cut anywhere', async () => {
    const bytes = new Uint8Array([...encode('mr,ref\nok,é\nbad,'), 0xff, ...encode('x\n')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const error = await decodeInPieces(bytes, cut).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TextEncodingError);
      expect((error as TextEncodingError).message).toBe(
        'f.csv, line 3: expected UTF-8 text, got byte 0xff at byte offset 17; convert the file to UTF-8 (for example with iconv)',
      );
    }
  });

  it('agrees with TextDecoder fatal mode on every two-byte sequence and a few longer ones', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const disagree: string[] = [];
    const check = (bytes: number[]) => {
      const array = new Uint8Array(bytes);
      if ((findInvalidUtf8(array) === undefined) !== valid(array)) disagree.push(String(bytes));
    };
    for (let first = 0; first < 256; first++)
      for (let second = 0; second < 256; second++) check([first, second]);
    for (const lead of [0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5])
      for (let second = 0x70; second < 0xd0; second++) {
        check([lead, second, 0x80]);
        check([lead, second, 0xbf, 0x80]);
      }
    expect(disagree).toEqual([]);
  });

  it('reports a file that ends inside a character', () => {
    expect(() => decodeUtf8Text(new Uint8Array([0x61, 0x0a, 0xe2, 0x82]), 'h.txt')).toThrow(
      'h.txt, line 2: expected UTF-8 text, got the file ends inside a character',
    );
  });

  it('is a typed error, not an internal one, when an E2E CSV is Latin-1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prefixkit-utf8-'));
    const latin1 = Buffer.from('mr,ref\n"name[Caf\xe9]","It is a caf\xe9."\n', 'latin1');
    writeFileSync(join(folder, 'devset.csv'), latin1);
    const read = async () => {
      for await (const _ of readE2ESplit(createFolderSource(folder), 'dev'));
    };
    const error = await read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TextEncodingError);
    expect((error as TextEncodingError).code).toBe('DATA_NOT_UTF8');
    expect((error as Error).message).toContain(`${join(folder, 'devset.csv')}, line 2:`);
  });
});

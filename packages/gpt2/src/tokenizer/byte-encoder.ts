// GPT-2's reversible byte <-> unicode table (openai/gpt-2 encoder.py `bytes_to_unicode`): every
// byte maps to a printable character so BPE can work on strings. Printable Latin-1 bytes map to
// themselves; the other 68 bytes map to U+0100, U+0101, ... in byte order.

const isPrintable = (byte: number) =>
  (byte >= 0x21 && byte <= 0x7e) ||
  (byte >= 0xa1 && byte <= 0xac) ||
  (byte >= 0xae && byte <= 0xff);

const bytes = Array.from({ length: 256 }, (_, byte) => byte);

/**
 * Bytes in the order of GPT-2's first 256 token ids: printable bytes first, then the rest.
 * Token id `i < 256` is the single byte `byteOrder[i]`.
 */
export const byteOrder: readonly number[] = [
  ...bytes.filter(isPrintable),
  ...bytes.filter((byte) => !isPrintable(byte)),
];

/** byte -> its stand-in character. */
export const byteToUnicode: readonly string[] = (() => {
  let extra = 0;
  return bytes.map((byte) => String.fromCharCode(isPrintable(byte) ? byte : 256 + extra++));
})();

/** stand-in character -> byte. */
export const unicodeToByte: ReadonlyMap<string, number> = new Map(
  byteToUnicode.map((character, byte) => [character, byte]),
);

/** Bytes as a string of their stand-in characters. */
export function encodeBytesAsUnicode(data: Uint8Array): string {
  let out = '';
  for (const byte of data) out += byteToUnicode[byte];
  return out;
}

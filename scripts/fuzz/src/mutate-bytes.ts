// Byte-level mutations of a valid input (AFL's havoc stage in miniature): flips, "interesting"
// bytes (format delimiters, UTF-8 lead and continuation bytes, 0, 0xff), inserted, deleted and
// duplicated ranges, truncation. A few mutations per case keep most inputs near-valid, which is
// where parsers' edge cases are.
import type { SeededRandom } from './seeded-random';

const interestingBytes = [
  0x00, 0xff, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xf8, 0x22, 0x2c, 0x0a, 0x0d,
  0x09, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x2d, 0x30, 0x39, 0x3c, 0x3e, 0x20,
];

function randomBytes(random: SeededRandom, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++)
    bytes[index] = random.chance(0.5) ? random.pick(interestingBytes) : random.int(256);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * `count` random mutations of `input` (a copy); `focus` limits them to the first bytes (a
 * safetensors header, say) most of the time.
 */
export function mutateBytes(
  input: Uint8Array,
  random: SeededRandom,
  options: { count?: number; focus?: number } = {},
): Uint8Array {
  let bytes: Uint8Array = input.slice();
  const count = options.count ?? 1 + random.int(4);
  for (let step = 0; step < count; step++) {
    const span = options.focus !== undefined && random.chance(0.8) ? options.focus : bytes.length;
    const at = random.int(Math.max(1, Math.min(span, bytes.length)));
    switch (random.int(7)) {
      case 0:
        if (bytes.length > 0) bytes[at] = bytes[at]! ^ (1 << random.int(8));
        break;
      case 1:
        if (bytes.length > 0) bytes[at] = random.pick(interestingBytes);
        break;
      case 2:
        bytes = concat(
          bytes.subarray(0, at),
          randomBytes(random, 1 + random.int(8)),
          bytes.subarray(at),
        );
        break;
      case 3:
        bytes = concat(
          bytes.subarray(0, at),
          bytes.subarray(Math.min(bytes.length, at + 1 + random.int(16))),
        );
        break;
      case 4: {
        const length = 1 + random.int(32);
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at));
        break;
      }
      case 5:
        bytes = bytes.slice(0, at);
        break;
      default: {
        // Overwrite a little-endian integer field (a length, an offset) with an edge value.
        const value = random.pick([
          0,
          1,
          7,
          8,
          255,
          0x7fffffff,
          0xffffffff,
          2 ** 53 - 1,
          random.int(1 << 20),
        ]);
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (at + 8 <= bytes.length) view.setBigUint64(at, BigInt(value), true);
      }
    }
  }
  return bytes;
}

// Finds the first byte that is not valid UTF-8, with its line, across chunks of any size (a
// character may be split between two reads). TextDecoder's `fatal` mode only says *that* a file
// is broken; an error should say *where*, so this runs the decoder's own rules (WHATWG
// Encoding, "UTF-8 decoder": no overlongs, no surrogates, nothing above U+10FFFF) by hand.

/** The first character that is not valid UTF-8: where its first byte is, and that byte. */
export interface Utf8Problem {
  /** 0-based byte offset in the whole input of the first byte of the broken character. */
  byteOffset: number;
  /** 1-based line (newlines counted before the offset). */
  line: number;
  /** The byte there (-1 when the input ended inside a character). */
  byte: number;
}

/** Checks UTF-8 chunk by chunk; `push` and `end` return the first problem, once found. */
export class Utf8Checker {
  private offset = 0;
  private line = 1;
  /** Continuation bytes still needed by the current character, and where it started. */
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  /** The current character's first byte and its offset. */
  private leadByte = 0;
  private leadOffset = 0;

  /** Checks the next chunk; returns the first problem in the input so far, or undefined. */
  push(bytes: Uint8Array): Utf8Problem | undefined {
    for (let index = 0; index < bytes.length; index++, this.offset++) {
      const byte = bytes[index]!;
      if (this.needed > 0) {
        if (byte < this.lower || byte > this.upper) return this.problem(this.leadByte);
        this.needed--;
        this.lower = 0x80;
        this.upper = 0xbf;
        continue;
      }
      if (byte < 0x80) {
        if (byte === 0x0a) this.line++;
        continue;
      }
      this.leadByte = byte;
      this.leadOffset = this.offset;
      if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        this.needed = 2;
        if (byte === 0xe0) this.lower = 0xa0; // no overlong 3-byte forms
        if (byte === 0xed) this.upper = 0x9f; // no UTF-16 surrogates
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        this.needed = 3;
        if (byte === 0xf0) this.lower = 0x90; // no overlong 4-byte forms
        if (byte === 0xf4) this.upper = 0x8f; // nothing above U+10FFFF
      } else return this.problem(byte);
    }
    return undefined;
  }

  /** The problem of input that ends inside a character, or undefined. */
  end(): Utf8Problem | undefined {
    return this.needed > 0 ? this.problem(-1) : undefined;
  }

  /** A character that started at leadOffset (on the current line: no newline since) is broken. */
  private problem(byte: number): Utf8Problem {
    return { byteOffset: this.leadOffset, line: this.line, byte };
  }
}

/** The first problem in `bytes` taken whole, or undefined when it is valid UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Problem | undefined {
  const checker = new Utf8Checker();
  return checker.push(bytes) ?? checker.end();
}

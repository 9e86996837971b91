// Splits streamed text into lines (LF or CRLF), numbered from 1, without holding the whole text.
import { type TextInput, textChunks } from './text-input';

export interface NumberedLine {
  text: string;
  /** 1-based line number. */
  line: number;
}

/**
 * Yields each line without its terminator. A final line without a newline is yielded; a file
 * that ends in a newline does not produce an extra empty line.
 */
export async function* readLines(input: TextInput): AsyncGenerator<NumberedLine> {
  let pending = '';
  let line = 0;
  for await (const chunk of textChunks(input)) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      const end = newline > start && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      line += 1;
      yield { text: pending.slice(start, end), line };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) {
    line += 1;
    yield { text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, line };
  }
}

// A trivial tokenizer for tests (the real GPT-2 BPE lives in the gpt2 package): `<|endoftext|>`
// is id 50256, every other character is its Unicode code point + 1000 (so never 50256 in tests).
import type { TokenEncoder } from '../src/index';

export const testEncoder: TokenEncoder = {
  encode(text: string): number[] {
    const ids: number[] = [];
    text.split('<|endoftext|>').forEach((part, index) => {
      if (index > 0) ids.push(50256);
      for (const char of part) ids.push(char.codePointAt(0)! + 1000);
    });
    return ids;
  },
};

export function decodeTest(ids: readonly number[]): string {
  return ids
    .map((id) => (id === 50256 ? '<|endoftext|>' : String.fromCodePoint(id - 1000)))
    .join('');
}

// Generated tokens as the sentence shown and scored: cut at the first <|endoftext|>, one line,
// trimmed (what the CLI writes to its outputs file).
import type { Gpt2Tokenizer } from '@prefixkit/gpt2';

const endOfText = '<|endoftext|>';

export function outputText(tokenizer: Gpt2Tokenizer, tokens: readonly number[]): string {
  const text = tokenizer.decode([...tokens]);
  const end = text.indexOf(endOfText);
  return (end === -1 ? text : text.slice(0, end)).replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

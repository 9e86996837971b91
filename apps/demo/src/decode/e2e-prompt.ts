// An E2E MR as the model's prompt: the paper's template (" MR <|endoftext|>") tokenised with
// GPT-2's BPE, as the CLI decodes.
import { formatPrompt } from '@prefixkit/datasets';
import type { Gpt2Tokenizer } from '@prefixkit/gpt2';

export function e2ePrompt(tokenizer: Gpt2Tokenizer, source: string): number[] {
  return tokenizer.encode(formatPrompt(source));
}

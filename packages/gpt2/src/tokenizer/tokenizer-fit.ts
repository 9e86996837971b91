// A tokenizer must fit the model it feeds: every id it can produce must have an embedding row,
// and its `<|endoftext|>` (the paper's prompt separator) must be the id the model stops on.
// Otherwise training and generation run with the wrong ids and produce plausible-looking garbage.
import type { Gpt2Config } from '../config/gpt2-config';
import { TokenizerMismatchError } from '../errors';
import type { Gpt2Tokenizer } from './gpt2-tokenizer';

/** Throws TokenizerMismatchError (naming `source`) when `tokenizer` does not fit `config`. */
export function checkTokenizerFitsModel(
  tokenizer: Gpt2Tokenizer,
  config: Pick<Gpt2Config, 'vocab_size' | 'eos_token_id'>,
  source: string,
): void {
  if (tokenizer.vocabSize > config.vocab_size)
    throw new TokenizerMismatchError(
      source,
      `ids below the model's vocab_size ${config.vocab_size}`,
      `ids up to ${tokenizer.vocabSize - 1}`,
    );
  if (tokenizer.endOfTextId === undefined)
    throw new TokenizerMismatchError(source, 'a <|endoftext|> token', 'none');
  if (config.eos_token_id !== null && tokenizer.endOfTextId !== config.eos_token_id)
    throw new TokenizerMismatchError(
      source,
      `<|endoftext|> at the model's eos_token_id ${config.eos_token_id}`,
      `id ${tokenizer.endOfTextId}`,
    );
}

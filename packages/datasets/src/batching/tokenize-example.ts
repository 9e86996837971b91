// Training strings -> token ids with label masks, as the paper's data classes build them
// (docs/reference/LINEARIZATION.md): the string is tokenised with truncation to `blockSize` (1024), and every
// position up to and including the first <|endoftext|> gets label -100, so the loss covers only
// the target tokens and the final end token. The tokenizer is not ours: any object with
// `encode(text)` that maps `<|endoftext|>` to its id will do (the gpt2 package provides one).
import { DatasetOptionError } from '../errors';
import {
  endOfText,
  formatPrompt,
  formatTrainingText,
  paperTemplate,
  type TextPair,
  type TextTemplate,
} from '../templates';

/** The minimal tokenizer interface this package needs. */
export interface TokenEncoder {
  encode(text: string): number[];
}

/** GPT-2's `<|endoftext|>` id. */
export const gpt2EndOfTextId = 50256;

/** The label value the loss ignores (PyTorch's CrossEntropyLoss ignore_index). */
export const ignoreLabel = -100;

export interface TokenizedExample {
  inputIds: number[];
  /** Same length as inputIds; -100 on the prompt (source and first end token). */
  labels: number[];
}

export interface TokenizeOptions {
  template?: TextTemplate;
  /** Id of `<|endoftext|>` (default 50256). */
  endOfTextId?: number;
  /** Truncate to this many tokens (default 1024, GPT-2's context as the paper's block_size -1). */
  blockSize?: number;
}

/**
 * Tokenises one pair into input ids and masked labels.
 *
 * @example
 * const { inputIds, labels } = tokenizeTrainingExample(encoder, { source, target });
 */
export function tokenizeTrainingExample(
  encoder: TokenEncoder,
  pair: TextPair,
  options: TokenizeOptions = {},
): TokenizedExample {
  const template = options.template ?? paperTemplate;
  const endOfTextId = options.endOfTextId ?? gpt2EndOfTextId;
  const blockSize = options.blockSize ?? 1024;
  const inputIds = encoder.encode(formatTrainingText(pair, template)).slice(0, blockSize);
  let promptLength: number;
  if (template.promptSuffix.endsWith(endOfText)) {
    // The paper's rule: mask through the first end token, wherever the tokenizer put it.
    const first = inputIds.indexOf(endOfTextId);
    if (first === -1 && inputIds.length < blockSize) {
      throw new DatasetOptionError(
        'encoder',
        `an encoder that turns ${endOfText} into id ${endOfTextId}`,
        `no id ${endOfTextId} in the encoding of ${JSON.stringify(formatPrompt(pair.source, template).slice(0, 60))}`,
      );
    }
    promptLength = first === -1 ? inputIds.length : first + 1;
  } else {
    // A template without an end token after the prompt: mask the prompt's own tokens, which
    // must be a prefix of the full encoding (they are unless BPE merges across the boundary).
    const promptIds = encoder.encode(formatPrompt(pair.source, template));
    const isPrefix = promptIds.every(
      (id, index) => index >= inputIds.length || inputIds[index] === id,
    );
    if (!isPrefix) {
      throw new DatasetOptionError(
        'template',
        'a prompt whose tokens are a prefix of the training string tokens',
        'a template whose prompt and target merge into one token; end the prompt with a space or newline',
      );
    }
    promptLength = Math.min(promptIds.length, inputIds.length);
  }
  const labels = inputIds.map((id, index) => (index < promptLength ? ignoreLabel : id));
  return { inputIds, labels };
}

/** Streams tokenised examples from streamed pairs (one pair in memory at a time). */
export async function* tokenizeExamples(
  encoder: TokenEncoder,
  pairs: AsyncIterable<TextPair> | Iterable<TextPair>,
  options: TokenizeOptions = {},
): AsyncGenerator<TokenizedExample> {
  for await (const pair of pairs) yield tokenizeTrainingExample(encoder, pair, options);
}

/** The decoding prompt's ids (encoded as the paper: no special tokens added around it). */
export function encodePrompt(
  encoder: TokenEncoder,
  source: string,
  options: { template?: TextTemplate } = {},
): number[] {
  return encoder.encode(formatPrompt(source, options.template ?? paperTemplate));
}

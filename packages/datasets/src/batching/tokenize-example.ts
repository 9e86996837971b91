// Training strings -> token ids with label masks, as the paper's data classes build them
// (docs/reference/LINEARIZATION.md): the string is tokenised with truncation to `blockSize` (1024), and every
// position up to and including the first <|endoftext|> gets label -100, so the loss covers only
// the target tokens and the final end token. The tokenizer is not ours: any object with
// `encode(text)` that maps `<|endoftext|>` to its id will do (the gpt2 package provides one).
import { DatasetOptionError, ExampleTooLongError } from '../errors';
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

/** A pair's full encoding (not truncated) and how many of its first tokens are the prompt. */
function encodeTrainingPair(
  encoder: TokenEncoder,
  pair: TextPair,
  options: TokenizeOptions,
): { ids: number[]; promptLength: number } {
  const template = options.template ?? paperTemplate;
  const endOfTextId = options.endOfTextId ?? gpt2EndOfTextId;
  const ids = encoder.encode(formatTrainingText(pair, template));
  if (template.promptSuffix.endsWith(endOfText)) {
    // The paper's rule: mask through the first end token, wherever the tokenizer put it.
    const first = ids.indexOf(endOfTextId);
    if (first === -1) {
      throw new DatasetOptionError(
        'encoder',
        `an encoder that turns ${endOfText} into id ${endOfTextId}`,
        `no id ${endOfTextId} in the encoding of ${JSON.stringify(formatPrompt(pair.source, template).slice(0, 60))}`,
      );
    }
    return { ids, promptLength: first + 1 };
  }
  // A template without an end token after the prompt: mask the prompt's own tokens, which
  // must be a prefix of the full encoding (they are unless BPE merges across the boundary).
  const promptIds = encoder.encode(formatPrompt(pair.source, template));
  const isPrefix = promptIds.every((id, index) => index >= ids.length || ids[index] === id);
  if (!isPrefix) {
    throw new DatasetOptionError(
      'template',
      'a prompt whose tokens are a prefix of the training string tokens',
      'a template whose prompt and target merge into one token; end the prompt with a space or newline',
    );
  }
  return { ids, promptLength: Math.min(promptIds.length, ids.length) };
}

function maskedExample(ids: number[], promptLength: number): TokenizedExample {
  return {
    inputIds: ids,
    labels: ids.map((id, index) => (index < promptLength ? ignoreLabel : id)),
  };
}

/**
 * Tokenises one pair into input ids and masked labels, truncated to `blockSize` as the paper's
 * data classes do (a long example may lose its end, or its whole target: tokenizeTrainingSet
 * counts and handles those).
 *
 * @example
 * const { inputIds, labels } = tokenizeTrainingExample(encoder, { source, target });
 */
export function tokenizeTrainingExample(
  encoder: TokenEncoder,
  pair: TextPair,
  options: TokenizeOptions = {},
): TokenizedExample {
  const { ids, promptLength } = encodeTrainingPair(encoder, pair, options);
  return maskedExample(ids.slice(0, options.blockSize ?? 1024), promptLength);
}

/** What to do with an example longer than the context. */
export type OverlongPolicy = 'truncate' | 'drop' | 'error';

export const overlongPolicies: readonly OverlongPolicy[] = ['truncate', 'drop', 'error'];

export interface TokenizeSetOptions extends TokenizeOptions {
  /**
   * Examples longer than `blockSize`: `truncate` (the paper's: cut the end; an example left
   * without a single target token is an error), `drop` (leave them out) or `error`.
   */
  overlong?: OverlongPolicy;
  /** Names the examples in errors (`train`, a file name). */
  label?: string;
}

/** How many examples were longer than the context, and what happened to them. */
export interface OverlongReport {
  examples: number;
  overlong: number;
  truncated: number;
  dropped: number;
  /** The longest encoding seen, in tokens. */
  longest: number;
}

/**
 * Tokenises a list of pairs, applying the over-long policy and counting what it did.
 *
 * @example
 * const { examples, report } = tokenizeTrainingSet(encoder, pairs, { blockSize: 252, overlong: 'drop' });
 */
export function tokenizeTrainingSet(
  encoder: TokenEncoder,
  pairs: readonly TextPair[],
  options: TokenizeSetOptions = {},
): { examples: TokenizedExample[]; report: OverlongReport } {
  const blockSize = options.blockSize ?? 1024;
  const policy = options.overlong ?? 'truncate';
  const label = options.label ?? 'examples';
  const examples: TokenizedExample[] = [];
  const report: OverlongReport = {
    examples: pairs.length,
    overlong: 0,
    truncated: 0,
    dropped: 0,
    longest: 0,
  };
  pairs.forEach((pair, index) => {
    const { ids, promptLength } = encodeTrainingPair(encoder, pair, options);
    report.longest = Math.max(report.longest, ids.length);
    if (ids.length <= blockSize) {
      examples.push(maskedExample(ids, promptLength));
      return;
    }
    report.overlong++;
    // The shifted loss needs a target at a position >= 1 that survives the cut.
    const keepsTarget = Math.max(promptLength, 1) < blockSize;
    if (policy === 'drop') {
      report.dropped++;
      return;
    }
    if (policy === 'error' || !keepsTarget) {
      throw new ExampleTooLongError(label, index + 1, {
        tokens: ids.length,
        promptTokens: promptLength,
        blockSize,
        reason: policy === 'error' ? 'policy' : 'no-target-left',
      });
    }
    report.truncated++;
    examples.push(maskedExample(ids.slice(0, blockSize), promptLength));
  });
  return { examples, report };
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

// Decodes a list of inputs in batches with @prefixkit/gpt2's generate() and applies the paper's
// post-processing; shared by `prefixkit generate` and the quickstart.
import {
  type GenerateOptions,
  type Gpt2Model,
  type Gpt2Tokenizer,
  generate,
} from '@prefixkit/gpt2';
import type { PeftDecoding } from '@prefixkit/peft';
import { postprocessOutput } from './postprocess';

export interface DecodedOutput {
  index: number;
  input: string;
  prompt: string;
  promptIds: number[];
  generatedIds: number[];
  /** The post-processed text (the line written for this input). */
  text: string;
  finishReason: 'eos' | 'stop-string' | 'length';
  /** Beam search: sum(logp) / length ** lengthPenalty. */
  score?: number;
}

/** The plain model, or a trained method's decoding. */
export function plainDecoding(model: Gpt2Model): PeftDecoding {
  return { model, options: {}, dispose: () => {} };
}

export interface DecodeInputsOptions {
  /** What to decode with: a method's decoding() or plainDecoding(model). */
  decoder: Pick<PeftDecoding, 'model' | 'options'>;
  tokenizer: Gpt2Tokenizer;
  inputs: readonly string[];
  /** Input -> prompt text. */
  prompt: (input: string) => string;
  decoding: GenerateOptions;
  batchSize: number;
  onBatch?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** One post-processed output per input, in input order. */
export async function decodeInputs(options: DecodeInputsOptions): Promise<DecodedOutput[]> {
  const { decoder, tokenizer, inputs } = options;
  const outputs: DecodedOutput[] = [];
  for (let start = 0; start < inputs.length; start += options.batchSize) {
    options.signal?.throwIfAborted();
    const batch = inputs.slice(start, start + options.batchSize);
    const prompts = batch.map((input) => options.prompt(input));
    const ids = prompts.map((prompt) => tokenizer.encode(prompt));
    const rows = await generate(decoder.model, ids, {
      ...options.decoding,
      ...decoder.options,
      ...(options.decoding.stopStrings?.length
        ? { decode: (t: readonly number[]) => tokenizer.decode([...t]) }
        : {}),
    });
    rows.forEach((row, offset) => {
      outputs.push({
        index: start + offset,
        input: batch[offset]!,
        prompt: prompts[offset]!,
        promptIds: ids[offset]!,
        generatedIds: row.tokens,
        text: postprocessOutput(tokenizer.decode(row.tokens)),
        finishReason: row.finishReason,
        ...(row.score === undefined ? {} : { score: row.score }),
      });
    });
    options.onBatch?.(outputs.length, inputs.length);
  }
  return outputs;
}

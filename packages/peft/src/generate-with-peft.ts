// Generation with a trained method: generate() on the model and options the method's decoding()
// hands over, so decoding computes exactly what the method's forward computes.
import {
  type GeneratedRow,
  type GenerateOptions,
  generate,
  type MethodDecodingOptions,
} from '@prefixkit/gpt2';
import type { PeftModel } from './peft-model';

/** generate()'s options, less those through which a method acts on decoding. */
export type PeftGenerateOptions = Omit<GenerateOptions, keyof MethodDecodingOptions>;

/**
 * Continues each prompt with `peft` applied (any method).
 * @example
 * const [row] = await generateWithPeft(peft, [tokenizer.encode(' name : Aromi <|endoftext|>')], {
 *   numBeams: 5, maxNewTokens: 40, bannedTokenIds: [198, 628],
 * });
 */
export async function generateWithPeft(
  peft: PeftModel,
  prompts: readonly (readonly number[])[],
  options: PeftGenerateOptions = {},
): Promise<GeneratedRow[]> {
  const decoding = peft.decoding();
  try {
    return await generate(decoding.model, prompts, { ...options, ...decoding.options });
  } finally {
    decoding.dispose();
  }
}

// GPT-2's own tokenizer, available offline and in the browser: the shipped merges
// (gpt2-merges.generated.ts) plus the derivation of the vocabulary from them, which
// scripts/make-gpt2-vocabulary.mjs verified against OpenAI's encoder.json.
import { byteOrder, byteToUnicode } from './byte-encoder';
import { Gpt2Tokenizer } from './gpt2-tokenizer';
import { parseMergesTxt } from './tokenizer-files';

/** GPT-2's `<|endoftext|>` id (also its bos/eos/pad id). */
export const gpt2EndOfTextId = 50256;

/** GPT-2's vocabulary: bytes (ids 0..255), one token per merge (256 + rank), `<|endoftext|>`. */
export function gpt2VocabularyFromMerges(
  merges: readonly (readonly [string, string])[],
): Map<string, number> {
  const vocab = new Map<string, number>();
  byteOrder.forEach((byte, id) => {
    vocab.set(byteToUnicode[byte]!, id);
  });
  merges.forEach(([left, right], rank) => {
    vocab.set(left + right, 256 + rank);
  });
  vocab.set('<|endoftext|>', 256 + merges.length);
  return vocab;
}

let shared: Promise<Gpt2Tokenizer> | undefined;

/**
 * GPT-2's tokenizer (50257 tokens) from the shipped files; loaded once, on first call, so
 * bundles that never call it can split the 0.5 MB of merges into their own chunk.
 * @example const tokenizer = await loadGpt2Tokenizer(); tokenizer.encode('Hello world') // [15496, 995]
 */
export function loadGpt2Tokenizer(): Promise<Gpt2Tokenizer> {
  shared ??= import('./gpt2-merges.generated').then(({ gpt2MergesText }) => {
    const merges = parseMergesTxt(gpt2MergesText, 'gpt2-merges.generated.ts');
    return new Gpt2Tokenizer({
      vocab: gpt2VocabularyFromMerges(merges),
      merges,
      specialTokens: { '<|endoftext|>': gpt2EndOfTextId },
      source: 'gpt2-merges.generated.ts',
    });
  });
  return shared;
}

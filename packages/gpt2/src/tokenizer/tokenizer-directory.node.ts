// Node: the tokenizer a model folder ships, as Hugging Face saves it: `tokenizer.json` (the
// `tokenizers` library, preferred as AutoTokenizer prefers the fast tokenizer) or `vocab.json` +
// `merges.txt` (GPT2Tokenizer). A folder with neither uses GPT-2's own tokenizer.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gpt2Config } from '../config/gpt2-config';
import { TokenizerFormatError } from '../errors';
import type { Gpt2Tokenizer } from './gpt2-tokenizer';
import { loadGpt2Tokenizer } from './gpt2-vocabulary';
import { tokenizerFromTokenizerJson, tokenizerFromVocabAndMerges } from './tokenizer-files';
import { checkTokenizerFitsModel } from './tokenizer-fit';

export interface DirectoryTokenizer {
  tokenizer: Gpt2Tokenizer;
  /** The file(s) it was read from. */
  source: string;
}

/**
 * The tokenizer saved in `folder`, or undefined when the folder has no tokenizer files.
 * @example const own = readTokenizerDirectory(modelFolder); const tokenizer = own?.tokenizer ?? await loadGpt2Tokenizer();
 */
export function readTokenizerDirectory(folder: string): DirectoryTokenizer | undefined {
  const tokenizerJson = join(folder, 'tokenizer.json');
  if (existsSync(tokenizerJson))
    return {
      tokenizer: tokenizerFromTokenizerJson(readFileSync(tokenizerJson, 'utf8'), tokenizerJson),
      source: tokenizerJson,
    };
  const vocabFile = join(folder, 'vocab.json');
  const mergesFile = join(folder, 'merges.txt');
  const hasVocab = existsSync(vocabFile);
  const hasMerges = existsSync(mergesFile);
  if (!hasVocab && !hasMerges) return undefined;
  if (!hasVocab || !hasMerges)
    throw new TokenizerFormatError(
      `expected vocab.json and merges.txt together (or a tokenizer.json), got only ${hasVocab ? 'vocab.json' : 'merges.txt'}`,
      folder,
    );
  return {
    tokenizer: tokenizerFromVocabAndMerges({
      vocabJson: readFileSync(vocabFile, 'utf8'),
      mergesTxt: readFileSync(mergesFile, 'utf8'),
      vocabFile,
      mergesFile,
    }),
    source: `${vocabFile} + merges.txt`,
  };
}

/**
 * The tokenizer for the model in `folder`: its own files, else GPT-2's; either way checked against
 * the model's vocabulary and end token (TokenizerMismatchError).
 * @example const tokenizer = await loadModelFolderTokenizer(folder, model.config);
 */
export async function loadModelFolderTokenizer(
  folder: string,
  config: Pick<Gpt2Config, 'vocab_size' | 'eos_token_id'>,
): Promise<Gpt2Tokenizer> {
  const own = readTokenizerDirectory(folder);
  const tokenizer = own?.tokenizer ?? (await loadGpt2Tokenizer());
  checkTokenizerFitsModel(tokenizer, config, own?.source ?? `GPT-2's tokenizer for ${folder}`);
  return tokenizer;
}

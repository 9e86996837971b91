// Node: the tokenizer a model folder ships, as Hugging Face saves it: `tokenizer.json` (the
// `tokenizers` library, preferred as AutoTokenizer prefers the fast tokenizer) or `vocab.json` +
// `merges.txt` (GPT2Tokenizer). A folder with neither uses GPT-2's own tokenizer.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TokenizerFormatError } from '../errors';
import type { Gpt2Tokenizer } from './gpt2-tokenizer';
import { tokenizerFromTokenizerJson, tokenizerFromVocabAndMerges } from './tokenizer-files';

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

// Reading tokenizer files as Hugging Face ships them: `vocab.json` + `merges.txt` (GPT2Tokenizer)
// or one `tokenizer.json` (the `tokenizers` library: model.type "BPE", ByteLevel pre-tokenizer).
import { TokenizerFormatError } from '../errors';
import { Gpt2Tokenizer } from './gpt2-tokenizer';

const endOfText = '<|endoftext|>';

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new TokenizerFormatError(`not valid JSON (${String(cause)})`, file, { cause });
  }
}

function toVocab(value: unknown, file: string): Map<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TokenizerFormatError('vocabulary must be an object {token: id}', file);
  }
  const vocab = new Map<string, number>();
  for (const [token, id] of Object.entries(value)) {
    if (!Number.isSafeInteger(id) || (id as number) < 0) {
      throw new TokenizerFormatError(
        `token ${JSON.stringify(token)}: expected a non-negative integer id, got ${JSON.stringify(id)}`,
        file,
      );
    }
    vocab.set(token, id as number);
  }
  return vocab;
}

/** Parses `vocab.json` (token -> id). */
export function parseVocabJson(text: string, file = 'vocab.json'): Map<string, number> {
  return toVocab(parseJson(text, file), file);
}

/** Parses `merges.txt`: an optional `#version` line, then one `left right` pair per line. */
export function parseMergesTxt(text: string, file = 'merges.txt'): [string, string][] {
  const merges: [string, string][] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (line === '' || (index === 0 && line.startsWith('#version'))) return;
    const parts = line.split(' ');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      throw new TokenizerFormatError(
        `line ${index + 1}: expected "left right", got ${JSON.stringify(line)}`,
        file,
      );
    }
    merges.push([parts[0]!, parts[1]!]);
  });
  return merges;
}

/**
 * A tokenizer from `vocab.json` and `merges.txt` texts; `<|endoftext|>` is special when present.
 * @example tokenizerFromVocabAndMerges({ vocabJson, mergesTxt }).encode('Hi')
 */
export function tokenizerFromVocabAndMerges(files: {
  vocabJson: string;
  mergesTxt: string;
  vocabFile?: string;
  mergesFile?: string;
}): Gpt2Tokenizer {
  const vocabFile = files.vocabFile ?? 'vocab.json';
  const vocab = parseVocabJson(files.vocabJson, vocabFile);
  const merges = parseMergesTxt(files.mergesTxt, files.mergesFile ?? 'merges.txt');
  const endOfTextId = vocab.get(endOfText);
  const specialTokens: Record<string, number> =
    endOfTextId === undefined ? {} : { [endOfText]: endOfTextId };
  return new Gpt2Tokenizer({ vocab, merges, specialTokens, source: vocabFile });
}

/** A tokenizer from a Hugging Face `tokenizer.json` (BPE model, byte-level pre-tokenizer). */
export function tokenizerFromTokenizerJson(text: string, file = 'tokenizer.json'): Gpt2Tokenizer {
  const json = parseJson(text, file) as Record<string, unknown> | null;
  const model = (json?.model ?? null) as Record<string, unknown> | null;
  if (model === null || model.type !== 'BPE') {
    throw new TokenizerFormatError(
      `expected model.type "BPE", got ${JSON.stringify(model?.type)}`,
      file,
    );
  }
  const vocab = toVocab(model.vocab, file);
  if (!Array.isArray(model.merges))
    throw new TokenizerFormatError('model.merges must be an array', file);
  // Older files store merges as "left right" strings, newer ones as [left, right] pairs.
  const merges = model.merges.map((merge: unknown, index: number): [string, string] => {
    const pair = typeof merge === 'string' ? merge.split(' ') : merge;
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      !pair.every((part) => typeof part === 'string')
    ) {
      throw new TokenizerFormatError(
        `model.merges[${index}]: expected "left right" or [left, right], got ${JSON.stringify(merge)}`,
        file,
      );
    }
    return [pair[0] as string, pair[1] as string];
  });
  const specialTokens: Record<string, number> = {};
  for (const added of (json?.added_tokens ?? []) as { id?: unknown; content?: unknown }[]) {
    if (typeof added.content === 'string' && Number.isSafeInteger(added.id)) {
      specialTokens[added.content] = added.id as number;
    }
  }
  const preTokenizer = (json?.pre_tokenizer ?? {}) as Record<string, unknown>;
  return new Gpt2Tokenizer({
    vocab,
    merges,
    specialTokens,
    addPrefixSpace: preTokenizer.add_prefix_space === true,
    source: file,
  });
}

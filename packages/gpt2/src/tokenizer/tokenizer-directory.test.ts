// A model folder's own tokenizer files are read (tokenizer.json first, else vocab.json +
// merges.txt), a half pair is refused, and a tokenizer that does not fit the model is refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenizerFormatError, TokenizerMismatchError } from '../errors';
import { readTokenizerDirectory } from './tokenizer-directory.node';
import { checkTokenizerFitsModel } from './tokenizer-fit';

// A byte-level BPE over "ab": bytes a (0) and b (1), one merge "a b" -> "ab" (2), end token 3.
const vocab = { a: 0, b: 1, ab: 2, '<|endoftext|>': 3 };
const merges = '#version: 0.2\na b\n';
const tokenizerJson = {
  model: { type: 'BPE', vocab, merges: [['a', 'b']] },
  added_tokens: [{ id: 3, content: '<|endoftext|>' }],
};

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'prefixkit-tokenizer-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

describe('readTokenizerDirectory', () => {
  it('reads vocab.json + merges.txt, and prefers tokenizer.json when both are there', () => {
    const pair = folderWith({ 'vocab.json': JSON.stringify(vocab), 'merges.txt': merges });
    const fromPair = readTokenizerDirectory(pair)!;
    expect(fromPair.tokenizer.encode('abab<|endoftext|>')).toEqual([2, 2, 3]);
    expect(fromPair.source).toBe(`${join(pair, 'vocab.json')} + merges.txt`);
    const both = folderWith({
      'vocab.json': JSON.stringify(vocab),
      'merges.txt': merges,
      'tokenizer.json': JSON.stringify({
        ...tokenizerJson,
        model: { ...tokenizerJson.model, merges: [] },
      }),
    });
    const preferred = readTokenizerDirectory(both)!;
    expect(preferred.source).toBe(join(both, 'tokenizer.json'));
    expect(preferred.tokenizer.encode('ab')).toEqual([0, 1]);
  });

  it('is undefined for a folder without tokenizer files, and refuses half a pair', () => {
    expect(readTokenizerDirectory(folderWith({ 'config.json': '{}' }))).toBeUndefined();
    const half = folderWith({ 'vocab.json': JSON.stringify(vocab) });
    expect(() => readTokenizerDirectory(half)).toThrow(TokenizerFormatError);
    expect(() => readTokenizerDirectory(half)).toThrow(
      `${half}: expected vocab.json and merges.txt together (or a tokenizer.json), got only vocab.json`,
    );
  });
});

describe('checkTokenizerFitsModel', () => {
  const { tokenizer } = readTokenizerDirectory(
    folderWith({ 'tokenizer.json': JSON.stringify(tokenizerJson) }),
  )!;

  it('accepts a tokenizer whose ids and end token fit the model', () => {
    expect(() =>
      checkTokenizerFitsModel(tokenizer, { vocab_size: 4, eos_token_id: 3 }, 'tok'),
    ).not.toThrow();
  });

  it('refuses ids beyond the vocabulary and another end-token id', () => {
    expect(() =>
      checkTokenizerFitsModel(tokenizer, { vocab_size: 3, eos_token_id: 3 }, 'tok'),
    ).toThrow(
      new TokenizerMismatchError('tok', "ids below the model's vocab_size 3", 'ids up to 3'),
    );
    expect(() =>
      checkTokenizerFitsModel(tokenizer, { vocab_size: 9, eos_token_id: 2 }, 'tok'),
    ).toThrow("tok: expected <|endoftext|> at the model's eos_token_id 2, got id 3");
  });
});

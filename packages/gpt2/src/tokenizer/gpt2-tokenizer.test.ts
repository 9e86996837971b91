import { describe, expect, it } from 'vitest';
import reference from '../../test/fixtures/tokenizer-reference.json';
import { TokenizerFormatError, TokenizerInputError } from '../errors';
import { gpt2EndOfTextId, loadGpt2Tokenizer } from './gpt2-vocabulary';
import { preTokenize } from './pre-tokenize';
import { tokenizerFromTokenizerJson, tokenizerFromVocabAndMerges } from './tokenizer-files';

describe('GPT-2 tokenizer against tiktoken (fixture)', async () => {
  const tokenizer = await loadGpt2Tokenizer();

  it('has GPT-2 vocabulary size and <|endoftext|> = 50256', () => {
    expect(tokenizer.vocabSize).toBe(50257);
    expect(tokenizer.endOfTextId).toBe(gpt2EndOfTextId);
    expect(reference.cases.length).toBeGreaterThanOrEqual(300);
  });

  it('encodes every reference string exactly', () => {
    const mismatches = reference.cases
      .filter(({ text, ids }) => JSON.stringify(tokenizer.encode(text)) !== JSON.stringify(ids))
      .map(({ text, ids }) => ({ text, expected: ids, got: tokenizer.encode(text) }));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('round-trips every reference string through decode', () => {
    const failures = reference.cases.filter(({ text, ids }) => tokenizer.decode(ids) !== text);
    expect(failures.map(({ text }) => text)).toEqual([]);
  });

  it("decodes partial byte sequences like Python's errors='replace'", () => {
    const failures = reference.decodes.filter(({ ids, text }) => tokenizer.decode(ids) !== text);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(reference.decodes.some(({ text }) => text.includes('\ufffd'))).toBe(true);
  });

  it('encodes one 2 MB word, whose ids are more than a call takes as arguments', () => {
    const word = 'a'.repeat(2_000_000);
    const ids = tokenizer.encode(word);
    expect(ids.length).toBeGreaterThan(200_000);
    expect(tokenizer.decode(ids)).toBe(word);
    // The second encode takes the ids from the cache: the same ids, appended again.
    expect(tokenizer.encode(`${word} ${word}`).length).toBeGreaterThan(2 * ids.length);
  });

  it('treats <|endoftext|> as plain text when special tokens are off', () => {
    const ids = tokenizer.encode('<|endoftext|>', { specialTokens: 'none' });
    expect(ids).not.toContain(gpt2EndOfTextId);
    expect(tokenizer.decode(ids)).toBe('<|endoftext|>');
  });

  it('rejects ids outside the vocabulary with a typed error', () => {
    expect(() => tokenizer.decode([50257])).toThrow(TokenizerInputError);
    expect(() => tokenizer.decode([-1])).toThrow(/not in the vocabulary/);
  });
});

describe('pre-tokenisation', () => {
  it('keeps the last space of a run for the next word', () => {
    expect(preTokenize('a   b')).toEqual(['a', '  ', ' b']);
    expect(preTokenize('x\n\n  y  ')).toEqual(['x', '\n\n ', ' y', '  ']);
    expect(preTokenize("I'm")).toEqual(['I', "'m"]);
  });
});

describe('tokenizer files', () => {
  // A hand-made byte-level vocabulary: the 4 bytes used, plus merges "a b" -> "ab", "ab c" -> "abc".
  const vocab = { a: 0, b: 1, c: 2, Ġ: 3, ab: 4, abc: 5, Ġa: 6, '<|endoftext|>': 7 };
  const merges = '#version: 0.2\na b\nab c\nĠ a\n';

  it('reads vocab.json + merges.txt and applies merges by rank', () => {
    const tokenizer = tokenizerFromVocabAndMerges({
      vocabJson: JSON.stringify(vocab),
      mergesTxt: merges,
    });
    // " ab": rank 0 ("a b") wins over rank 2 ("Ġ a"), so Ġ stays alone; " a" merges to Ġa.
    expect(tokenizer.encode('abc ab a')).toEqual([5, 3, 4, 6]);
    expect(tokenizer.encode('c<|endoftext|>')).toEqual([2, 7]);
    expect(tokenizer.decode([5, 3, 4, 6])).toBe('abc ab a');
  });

  it('reads tokenizer.json (string and pair merges, added tokens, add_prefix_space)', () => {
    const json = {
      model: { type: 'BPE', vocab, merges: [['a', 'b'], 'ab c', 'Ġ a'] },
      added_tokens: [{ id: 7, content: '<|endoftext|>', special: true }],
      pre_tokenizer: { type: 'ByteLevel', add_prefix_space: true },
    };
    const tokenizer = tokenizerFromTokenizerJson(JSON.stringify(json));
    expect(tokenizer.encode('a<|endoftext|>')).toEqual([6, 7]);
  });

  it('names the file and line of malformed input', () => {
    expect(() => tokenizerFromVocabAndMerges({ vocabJson: '{', mergesTxt: '' })).toThrow(
      TokenizerFormatError,
    );
    expect(() =>
      tokenizerFromVocabAndMerges({
        vocabJson: '{}',
        mergesTxt: 'a b\nabc\n',
        mergesFile: 'm.txt',
      }),
    ).toThrow(/m\.txt: line 2: expected "left right"/);
    expect(() => tokenizerFromTokenizerJson('{"model":{"type":"WordPiece"}}', 't.json')).toThrow(
      /t\.json: expected model.type "BPE"/,
    );
    const broken = tokenizerFromVocabAndMerges({ vocabJson: '{"a":0,"b":1}', mergesTxt: 'a b\n' });
    expect(() => broken.encode('ab')).toThrow(/vocabulary lacks/);
  });
});

// Initialising a prefix from real words (the paper's Section 7.4): the prefix's keys/values are
// the frozen LM's over those words, so a model with the prefix continues text exactly as the LM
// does after reading the words (same positions: the real tokens start at P).
import { noGrad } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { PeftConfigError } from '../src/errors';
import { createPeftModel } from '../src/methods';
import type { PrefixTuningModel } from '../src/prefix-tuning/prefix-tuning';
import { loadTinyModel, maxAbsDiff } from './tiny-model';

/** A toy tokenizer: one id per known word. */
const vocabulary = ['table', 'to', 'text', ':', 'name', 'food'];
const encode = (text: string) => text.split(' ').map((word) => 10 + vocabulary.indexOf(word));
const words = 'table to text :';
const wordIds = encode(words);
const x = [[14, 3, 30, 21, 8]];

describe.each(['prefix-flat', 'prefix'] as const)('init from words (%s)', (method) => {
  it("equals the frozen LM's keys/values over the words, and its continuation", async () => {
    const base = await loadTinyModel();
    const peft = (await createPeftModel(
      base,
      { method, prefixLength: wordIds.length, midDim: 16, init: 'words', initWords: words },
      { encode, seed: 5 },
    )) as PrefixTuningModel;
    // The LM's own cache over the words, from a full forward (not forwardLast, which init uses).
    const { cache } = noGrad(() => base.forward([wordIds]));
    const prefix = noGrad(() => peft.keyValues());
    // The MLP reproduces them through a solved output layer (float32): close, not exact.
    const tolerance = method === 'prefix-flat' ? 1e-6 : 2e-4;
    for (const [layer, { key, value }] of cache.entries()) {
      expect(key.shape).toEqual(prefix[layer]!.key.shape);
      expect(
        maxAbsDiff(await prefix[layer]!.key.data(), await key.data()),
        `key ${layer}`,
      ).toBeLessThan(tolerance);
      expect(
        maxAbsDiff(await prefix[layer]!.value.data(), await value.data()),
        `value ${layer}`,
      ).toBeLessThan(tolerance);
    }
    // [words; x] through the plain LM gives x's logits as x alone through the prefixed model.
    const joint = await noGrad(() => base.forward([[...wordIds, ...x[0]!]]).logits).data();
    const prefixed = await noGrad(() => peft.forward(x).logits).data();
    const V = base.config.vocab_size;
    expect(maxAbsDiff(joint.subarray(wordIds.length * V), prefixed)).toBeLessThan(tolerance * 10);
    // A random prefix is nowhere near (the check above can fail).
    const random = (await createPeftModel(base, {
      method,
      prefixLength: wordIds.length,
      midDim: 16,
    })) as PrefixTuningModel;
    const randomLogits = await noGrad(() => random.forward(x).logits).data();
    expect(maxAbsDiff(joint.subarray(wordIds.length * V), randomLogits)).toBeGreaterThan(0.1);
  });
});

describe('init from words: bad settings are typed errors', () => {
  it('needs an encode option, a matching prefixLength and midDim >= prefixLength', async () => {
    const base = await loadTinyModel();
    const config = {
      method: 'prefix',
      prefixLength: 4,
      midDim: 16,
      init: 'words',
      initWords: words,
    };
    await expect(createPeftModel(base, config)).rejects.toThrow(PeftConfigError);
    await expect(createPeftModel(base, config)).rejects.toThrow(/no encode option/);
    await expect(createPeftModel(base, { ...config, prefixLength: 3 }, { encode })).rejects.toThrow(
      /field prefixLength: expected 4 \(the token count/,
    );
    await expect(createPeftModel(base, { ...config, midDim: 2 }, { encode })).rejects.toThrow(
      /field midDim: expected at least prefixLength \(4\)/,
    );
  });
});

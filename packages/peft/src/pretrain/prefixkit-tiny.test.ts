// The shipped embedded model (models/prefixkit-tiny, issue #9): it loads with loadGpt2, has the
// shape its card documents, is stored as F16 within 16 MB, and is really pretrained: on unseen
// E2E-style text its loss is far below that of a randomly initialised model of the same shape.
import { readFileSync, statSync } from 'node:fs';
import type { Gpt2Model } from '@prefixkit/gpt2';
import {
  bufferByteSource,
  gpt2EndOfTextId,
  loadGpt2,
  loadGpt2Tokenizer,
  openSafetensors,
  parseGpt2ConfigText,
} from '@prefixkit/gpt2';
import { CpuBackend, keep, noGrad, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { createRandomGpt2 } from './random-gpt2';

const folder = new URL('../../../../models/prefixkit-tiny/', import.meta.url);
const configText = readFileSync(new URL('config.json', folder), 'utf8');
const weightsBytes = () => new Uint8Array(readFileSync(new URL('model.safetensors', folder)));

// Written for this test in the style of E2E references (not taken from any split).
const unseen =
  'The Copper Kettle is a family friendly coffee shop near the river. It serves cheap English food and has a customer rating of 3 out of 5.';

async function loss(model: Gpt2Model, ids: number[]): Promise<number> {
  const value = noGrad(() => tidy(() => keep(model.forward([ids], { labels: [ids] }).loss!)));
  const out = await value.item();
  value.dispose();
  return out;
}

describe('models/prefixkit-tiny', () => {
  it('has the documented shape and is F16 within 16 MB', async () => {
    const config = parseGpt2ConfigText(configText, 'config.json');
    expect([
      config.n_layer,
      config.n_embd,
      config.n_head,
      config.n_positions,
      config.vocab_size,
    ]).toEqual([4, 128, 4, 256, 50257]);
    expect(statSync(new URL('model.safetensors', folder)).size).toBeLessThanOrEqual(
      16 * 1024 * 1024,
    );
    const reader = await openSafetensors(bufferByteSource(weightsBytes(), 'model.safetensors'));
    expect(reader.tensors.length).toBe(2 + 12 * 4 + 2);
    expect(reader.tensors.every((t) => t.dtype === 'F16')).toBe(true);
    const parameters = reader.tensors.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
    expect(parameters).toBe(7_259_008);
    expect(readFileSync(new URL('README.md', folder), 'utf8')).toMatch(
      /\| layers \/ width \/ heads \| 4 \/ 128 \/ 4 +\|/,
    );
  });

  it('scores unseen E2E-style text far better than a random model of the same shape', async () => {
    const backend = new CpuBackend();
    const trained = await loadGpt2(
      { config: configText, weights: bufferByteSource(weightsBytes(), 'model.safetensors') },
      { backend },
    );
    const random = await createRandomGpt2(trained.config, { backend, seed: 7 });
    const tokenizer = await loadGpt2Tokenizer();
    const ids = [gpt2EndOfTextId, ...tokenizer.encode(unseen)];
    const trainedLoss = await loss(trained, ids);
    const randomLoss = await loss(random, ids);
    // A random GPT-2 is near ln(50257) = 10.8 nats; the pretrained one must be far below it.
    expect(randomLoss).toBeGreaterThan(10);
    expect(trainedLoss).toBeLessThan(4);
  });
});

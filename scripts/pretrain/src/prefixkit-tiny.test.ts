// The shipped embedded model (models/prefixkit-tiny): it loads with loadGpt2, has the
// shape its card documents, is stored as F16 within 16 MB, and is really pretrained: on unseen
// E2E-style text its loss is far below that of a randomly initialised model of the same shape;
// and it copies a value from a structured input into its text, which a prefix builds on.
import { readFileSync, statSync } from 'node:fs';
import { formatPrompt, linearizeWebNLG } from '@prefixkit/datasets';
import type { Gpt2Model } from '@prefixkit/gpt2';
import {
  bufferByteSource,
  generate,
  gpt2EndOfTextId,
  loadGpt2,
  loadGpt2Tokenizer,
  openSafetensors,
  parseGpt2ConfigText,
} from '@prefixkit/gpt2';
import { createRandomGpt2 } from '@prefixkit/peft';
import { CpuBackend, keep, noGrad, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../../models/prefixkit-tiny/', import.meta.url);
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

  it('carries a value from a structured input into its text (copy probe: greedy, no prefix)', async () => {
    // Stages 2 and 3 of its card (WebNLG train pairs with the entities swapped) taught it this:
    // it writes 5 of these six places, the stage-1 model 1 (Madrid, inside an airport name it
    // knew). A model that cannot copy cannot be steered by a prefix to follow an E2E MR
    // (docs/decisions/2026-11-26-structured-pretraining-stages.md). E2E restaurant names, and
    // places that no WebNLG pair gives them: only copying predicts the place.
    const backend = new CpuBackend();
    const model = await loadGpt2(
      { config: configText, weights: bufferByteSource(weightsBytes(), 'model.safetensors') },
      { backend },
    );
    const tokenizer = await loadGpt2Tokenizer();
    const probes = [
      ['Blue_Spice', 'Ohio'],
      ['Alimentum', 'Paris'],
      ['Zizzi', 'Denmark'],
      ['Cotto', 'Madrid'],
      ['Strada', 'Oslo'],
      ['Aromi', 'Italy'],
    ] as const;
    const prompts = probes.map(([subject, object]) =>
      tokenizer.encode(formatPrompt(linearizeWebNLG([{ subject, property: 'location', object }]))),
    );
    const rows = await generate(model, prompts, { maxNewTokens: 16, bannedTokenIds: [198, 628] });
    const texts = rows.map((row) => tokenizer.decode(row.tokens));
    const copied = texts.filter((text, i) => text.includes(probes[i]![1]));
    expect(copied.length, texts.join(' / ')).toBeGreaterThanOrEqual(4);
  });
});

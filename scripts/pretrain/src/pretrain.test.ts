// Pretraining from random init on a tiny GPT-2 (vocabulary 64) on the CPU backend: GPT-2's
// initialisation, a falling held-out loss, exact resume from a checkpoint, and the loss curve.
import type { TokenizedExample } from '@prefixkit/datasets';
import { parseGpt2Config } from '@prefixkit/gpt2';
import { type CheckpointFiles, createRandomGpt2, randomGpt2Parameters } from '@prefixkit/peft';
import { CpuBackend } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { lossCurveJsonl, lossCurveSvg, parseLossCurveJsonl } from './loss-curve';
import { packBlocks } from './pack-blocks';
import { type PretrainConfig, pretrain } from './pretrain';

const config = parseGpt2Config({
  vocab_size: 64,
  n_positions: 16,
  n_embd: 16,
  n_layer: 2,
  n_head: 2,
});

/** Documents of counting runs (k, k+1, k+2, ...): easy to learn, so the loss must fall. */
function documents(count: number, offset: number): number[][] {
  return Array.from({ length: count }, (_, d) =>
    Array.from({ length: 5 + ((d * 3) % 7) }, (_, t) => (offset + d * 5 + t) % 63),
  );
}
const train: TokenizedExample[] = packBlocks(documents(60, 0), { blockSize: 8, endOfTextId: 63 });
const heldOut: TokenizedExample[] = packBlocks(documents(8, 31), { blockSize: 8, endOfTextId: 63 });
const settings: PretrainConfig = {
  learningRate: 3e-2,
  warmupSteps: 2,
  maxSteps: 30,
  batchSize: 8,
  weightDecay: 0.01,
  seed: 5,
  evalEvery: 10,
};

function stats(values: Float32Array): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

describe('randomGpt2Parameters', () => {
  it('draws N(0, 0.02), residual projections scaled by 1/sqrt(2 n_layer), biases 0, LN 1', () => {
    const big = parseGpt2Config({
      vocab_size: 64,
      n_positions: 16,
      n_embd: 64,
      n_layer: 8,
      n_head: 2,
    });
    const p = randomGpt2Parameters(big, { seed: 3 });
    expect(stats(p.get('transformer.wte.weight')!).std).toBeCloseTo(0.02, 3);
    expect(stats(p.get('transformer.h.0.attn.c_attn.weight')!).std).toBeCloseTo(0.02, 3);
    expect(stats(p.get('transformer.h.0.mlp.c_proj.weight')!).std).toBeCloseTo(0.02 / 4, 3);
    expect(stats(p.get('transformer.h.7.attn.c_proj.weight')!).std).toBeCloseTo(0.02 / 4, 3);
    expect(p.get('transformer.h.0.attn.c_attn.bias')!.every((v) => v === 0)).toBe(true);
    expect(p.get('transformer.h.0.ln_1.weight')!.every((v) => v === 1)).toBe(true);
    expect(p.get('transformer.ln_f.bias')!.every((v) => v === 0)).toBe(true);
    const again = randomGpt2Parameters(big, { seed: 3 }).get('transformer.wpe.weight')!;
    expect(again).toEqual(p.get('transformer.wpe.weight'));
    expect(randomGpt2Parameters(big, { seed: 4 }).get('transformer.wpe.weight')).not.toEqual(again);
  });
});

describe('pretrain', () => {
  it('lowers the held-out loss from the random model and counts tokens', async () => {
    const model = await createRandomGpt2(config, { backend: new CpuBackend(), seed: 1 });
    const result = await pretrain({ model, train, heldOut, config: settings });
    expect(result.steps).toBe(30);
    expect(result.curve.map((p) => p.step)).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
    const evaluated = result.curve.filter((p) => p.evalLoss !== undefined);
    expect(evaluated.map((p) => p.step)).toEqual([10, 20, 30]);
    // ln(64) = 4.16 is the loss of a uniform guess; counting runs are far easier than that.
    expect(result.curve[0]!.loss).toBeGreaterThan(3.9);
    expect(result.finalHeldOutLoss!).toBeLessThan(3.3);
    expect(result.finalHeldOutLoss!).toBeLessThan(evaluated[0]!.evalLoss! - 0.5);
    expect(result.finalTrainLoss!).toBeLessThan(result.curve[0]!.loss - 0.5);
    // 30 steps x 8 blocks x 8 tokens, wrapping past the end of each epoch of train.length blocks.
    const epochs = Math.floor(240 / train.length);
    const blocksPerEpoch = train.length;
    expect(result.tokensSeen % 8).toBe(0);
    expect(result.tokensSeen).toBeLessThanOrEqual(240 * 8);
    expect(result.tokensSeen).toBeGreaterThanOrEqual(epochs * blocksPerEpoch * 8);
    // The base model's own tensors are untouched; the trained copies differ.
    const before = await model.parameters.get('transformer.wte.weight')!.data();
    expect(Array.from(result.parameters.get('transformer.wte.weight')!)).not.toEqual(
      Array.from(before),
    );
  });

  it('resumes from a checkpoint bit for bit', async () => {
    const backend = new CpuBackend();
    const small = { ...settings, maxSteps: 8, evalEvery: 0 };
    const straight = await pretrain({
      model: await createRandomGpt2(config, { backend, seed: 2 }),
      train,
      config: small,
    });

    let saved: CheckpointFiles | undefined;
    const controller = new AbortController();
    const stopped = await pretrain({
      model: await createRandomGpt2(config, { backend, seed: 2 }),
      train,
      config: small,
      signal: controller.signal,
      onPoint: (point) => point.step === 4 && controller.abort(),
      saveCheckpoint: async (files) => {
        saved = files;
      },
    });
    expect(stopped.stoppedBy).toBe('aborted');
    expect(stopped.steps).toBe(4);

    // A different random start: everything must come from the checkpoint.
    const resumed = await pretrain({
      model: await createRandomGpt2(config, { backend, seed: 99 }),
      train,
      config: small,
      resume: saved!,
    });
    expect(resumed.steps).toBe(8);
    expect(resumed.curve.map((p) => p.step)).toEqual([5, 6, 7, 8]);
    expect(resumed.tokensSeen).toBe(straight.tokensSeen);
    for (const [name, values] of straight.parameters)
      expect(
        Buffer.from(resumed.parameters.get(name)!.buffer).equals(Buffer.from(values.buffer)),
        name,
      ).toBe(true);
  });

  it('rejects blocks of different lengths', async () => {
    const model = await createRandomGpt2(config, { backend: new CpuBackend(), seed: 1 });
    const ragged = [train[0]!, { inputIds: [1, 2], labels: [1, 2] }];
    await expect(pretrain({ model, train: ragged, config: settings })).rejects.toThrow(
      /one length/,
    );
  });
});

describe('loss curve', () => {
  it('round-trips JSON Lines and draws train and held-out losses', () => {
    const points = [
      { step: 1, loss: 4, learningRate: 0.1, tokens: 8, seconds: 0.5 },
      { step: 2, loss: 3, learningRate: 0.1, tokens: 16, seconds: 1, evalLoss: 3.5 },
    ];
    expect(parseLossCurveJsonl(lossCurveJsonl(points))).toEqual(points);
    const svg = lossCurveSvg(points, { title: 'a < b' });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('<polyline');
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain('a &lt; b');
  });
});

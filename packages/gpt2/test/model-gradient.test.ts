// The loss gradient with respect to a prefix (per-layer past keys/values that require a
// gradient) against central finite differences, in float64 on the CPU backend (the tiny model
// uploaded as f64). This checks the whole backward path the prefix takes: attention over
// [prefix, tokens] with the prefix broadcast over the batch, masks, and both loss reductions.
// To stay fast, the gradient is checked along random directions (every component contributes)
// and on single coordinates spread over layers, keys and values, instead of all 384 entries.
import { backward, CpuBackend, noGrad, sum, tensor, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/generate/sampling';
import type { Gpt2ForwardOptions, Gpt2Model } from '../src/model/model';
import { goldenFloats, goldens, loadTinyModel } from './model-fixtures';
import { prefixFrom } from './model-prefix';

const EPS = 1e-6;

async function checkPrefixGradient(
  model: Gpt2Model,
  values: Float64Array,
  shape: number[],
  ids: number[][],
  options: Omit<Gpt2ForwardOptions, 'past'>,
) {
  const backend = model.backend;
  const lossAt = (data: Float64Array, requiresGrad: boolean) => {
    const leaf = tensor(data, shape, { backend, dtype: 'f64', requiresGrad });
    return { leaf, loss: sum(model.forward(ids, { ...options, past: prefixFrom(leaf) }).loss!) };
  };
  const leaf = tidy(() => {
    const { leaf, loss } = lossAt(values, true);
    backward(loss);
    return leaf;
  });
  const gradient = (await leaf.grad!.data()) as Float64Array;
  leaf.dispose();
  const valueAt = async (data: Float64Array) => {
    const loss = noGrad(() => tidy(() => lossAt(data, false).loss));
    const value = await loss.item();
    loss.dispose();
    return value;
  };
  const random = seededRandom(11);
  const directions: Float64Array[] = [0, 1, 2].map(() => values.map(() => random() * 2 - 1));
  // Unit directions: first/last entries of every (layer, key|value) block.
  const block = values.length / (shape[0]! * 2);
  for (let b = 0; b < shape[0]! * 2; b++) {
    for (const offset of [0, block - 1])
      directions.push(values.map((_, index) => (index === b * block + offset ? 1 : 0)));
  }
  let maxError = 0;
  for (const direction of directions) {
    const analytic = direction.reduce((total, d, index) => total + d * gradient[index]!, 0);
    const plus = await valueAt(values.map((v, index) => v + EPS * direction[index]!));
    const minus = await valueAt(values.map((v, index) => v - EPS * direction[index]!));
    const numeric = (plus - minus) / (2 * EPS);
    const error = Math.abs(analytic - numeric);
    expect(error).toBeLessThan(1e-7 + 1e-5 * Math.abs(numeric));
    maxError = Math.max(maxError, error);
  }
  // The gradient is not trivially zero.
  expect(gradient.some((g) => Math.abs(g) > 1e-4)).toBe(true);
  return maxError;
}

describe('prefix gradient vs finite differences (f64, CPU)', () => {
  const setup = async () => {
    const model = await loadTinyModel(new CpuBackend(), 'f64');
    const prefixKv = await (await goldenFloats())('prefix_kv');
    return { model, values: Float64Array.from(prefixKv.data), shape: prefixKv.shape };
  };

  it('mean loss, prefix shared by two rows', async () => {
    const { model, values, shape } = await setup();
    const golden = goldens.cases.prefix!;
    await checkPrefixGradient(model, values, shape, golden.input_ids, { labels: golden.labels });
  });

  it('per-sequence sums on a left-padded batch with a mask and positions', async () => {
    const { model, values, shape } = await setup();
    const golden = goldens.cases.padded_prefix!;
    await checkPrefixGradient(model, values, shape, golden.input_ids, {
      labels: golden.labels,
      attentionMask: golden.attention_mask,
      positionIds: golden.position_ids,
      lossReduction: 'sum-per-sequence',
    });
  });
});

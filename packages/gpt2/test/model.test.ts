// Gpt2Model against PyTorch goldens (test/make-fixtures.py, GPT-2 as HF computes it): logits and
// loss within 1e-4 in f32 on the CPU backend and on WebGPU, with and without a prefix, with
// positions from P and from 0, and on a left-padded batch with an attention mask.
import { backward, tensor, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import type { Gpt2Model } from '../src/model/model';
import {
  backendFor,
  backendKinds,
  expectClose,
  goldenFloats,
  goldens,
  loadTinyModel,
} from './model-fixtures';
import { prefixFrom } from './model-prefix';

const TOLERANCE = 1e-4;

describe.each(backendKinds)('Gpt2Model on %s vs PyTorch', (kind) => {
  let model: Gpt2Model | undefined;
  const setup = async (context: { skip(note?: string): void }) => {
    const backend = await backendFor(kind, context);
    model ??= await loadTinyModel(backend);
    const floats = await goldenFloats();
    const prefixKv = await floats('prefix_kv');
    return { backend, model, floats, prefixKv };
  };

  for (const name of Object.keys(goldens.cases)) {
    it(`case ${name}: logits, mean loss, per-sequence sums${goldens.cases[name]!.use_prefix ? ', prefix gradient' : ''}`, async (context) => {
      const { backend, model, floats, prefixKv } = await setup(context);
      const golden = goldens.cases[name]!;
      const expectedLogits = await floats(`${name}.logits`);
      const results = tidy(() => {
        const leaf = tensor(prefixKv.data, prefixKv.shape, { backend, requiresGrad: true });
        const past = golden.use_prefix ? prefixFrom(leaf) : undefined;
        const common = {
          past,
          attentionMask: golden.attention_mask,
          labels: golden.labels,
          ...(name === 'prefix_positions_from_zero'
            ? { positionOffset: 0 }
            : { positionIds: golden.position_ids }),
        };
        const mean = model.forward(golden.input_ids, common);
        const sums = model.forward(golden.input_ids, {
          ...common,
          lossReduction: 'sum-per-sequence',
        });
        backward(mean.loss!);
        return {
          logits: mean.logits,
          loss: mean.loss!,
          sums: sums.loss!,
          grad: leaf.grad ?? leaf,
          leaf,
        };
      });
      expect(results.logits.shape).toEqual(expectedLogits.shape);
      expectClose(`${name}.logits`, await results.logits.data(), expectedLogits.data, TOLERANCE);
      expect(Math.abs((await results.loss.item()) - golden.loss)).toBeLessThan(TOLERANCE);
      expect(results.sums.shape).toEqual([golden.input_ids.length]);
      // Sums of ~7 token losses of ~10 each: the same f32 rounding, relative to the size.
      expectClose(
        `${name}.sum_per_row`,
        await results.sums.data(),
        golden.loss_sum_per_row,
        TOLERANCE * 10,
      );
      if (golden.use_prefix && name !== 'prefix_positions_from_zero') {
        const expectedGrad = await floats(`${name}.grad_prefix_kv`);
        expectClose(
          `${name}.grad_prefix_kv`,
          await results.grad.data(),
          expectedGrad.data,
          TOLERANCE,
        );
      }
      for (const t of Object.values(results)) t.dispose();
    });
  }

  it('logitsFor last equals the last row of the full logits; the cache continues the sequence', async (context) => {
    const { model } = await setup(context);
    const ids = goldens.cases.plain!.input_ids;
    const T = ids[0]!.length;
    const full = await model.forwardLast(ids).logits.data(); // [B, 1, V]
    const all = model.forward(ids, {});
    const V = model.config.vocab_size;
    const allData = await all.logits.data();
    const lastRows = ids.flatMap((_, b) =>
      Array.from(allData.subarray((b * T + T - 1) * V, (b * T + T) * V)),
    );
    expectClose('last logits', full, lastRows, 1e-6);
    // Prompt of T-1 tokens, then one step with the cache: the same last logits.
    const head = model.forwardLast(ids.map((row) => row.slice(0, T - 1)));
    const step = model.forwardLast(
      ids.map((row) => [row[T - 1]!]),
      { past: head.cache },
    );
    expect(step.cache[0]!.key.shape).toEqual([
      ids.length,
      model.config.n_head,
      T,
      model.config.n_embd / model.config.n_head,
    ]);
    expectClose('cached step logits', await step.logits.data(), lastRows, TOLERANCE);
  });
});

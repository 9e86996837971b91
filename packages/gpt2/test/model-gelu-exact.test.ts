// HF's activation_function "gelu" (the exact erf GELU, torch's F.gelu) against PyTorch goldens:
// the tiny model's weights with that activation (test/make-fixtures.py, gelu_exact_cases), on
// the CPU backend and on WebGPU: logits, mean loss and the prefix gradient within 1e-4.
import { backward, tensor, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { Gpt2Model } from '../src/model/model';
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

describe.each(backendKinds)('Gpt2Model with exact gelu on %s vs PyTorch', (kind) => {
  for (const [name, golden] of Object.entries(goldens.gelu_exact_cases)) {
    it(`case ${name}: logits, mean loss${golden.use_prefix ? ', prefix gradient' : ''}`, async (context) => {
      const backend = await backendFor(kind, context);
      const tanhModel = await loadTinyModel(backend);
      const model = new Gpt2Model(
        { ...tanhModel.config, activation_function: 'gelu' },
        tanhModel.parameters,
      );
      const floats = await goldenFloats();
      const prefixKv = await floats('prefix_kv');
      const expectedLogits = await floats(`${name}.logits`);
      const results = tidy(() => {
        const leaf = tensor(prefixKv.data, prefixKv.shape, { backend, requiresGrad: true });
        const out = model.forward(golden.input_ids, {
          past: golden.use_prefix ? prefixFrom(leaf) : undefined,
          labels: golden.labels,
        });
        backward(out.loss!);
        return { logits: out.logits, loss: out.loss!, grad: leaf.grad ?? leaf, leaf };
      });
      expectClose(`${name}.logits`, await results.logits.data(), expectedLogits.data, TOLERANCE);
      expect(Math.abs((await results.loss.item()) - golden.loss)).toBeLessThan(TOLERANCE);
      if (golden.use_prefix) {
        const expectedGrad = await floats(`${name}.grad_prefix_kv`);
        expectClose(`${name}.grad`, await results.grad.data(), expectedGrad.data, TOLERANCE);
      }
      // The tanh form's logits are 2e-3 off these goldens (20x the tolerance), so the check
      // above tells the two forms apart.
      const tanhLogits = tidy(() => tanhModel.forward(golden.input_ids, {}).logits);
      const tanhData = await tanhLogits.data();
      let gap = 0;
      for (let i = 0; i < tanhData.length; i++)
        gap = Math.max(gap, Math.abs(tanhData[i]! - expectedLogits.data[i]!));
      expect(gap).toBeGreaterThan(10 * TOLERANCE);
      tanhLogits.dispose();
      for (const t of Object.values(results)) t.dispose();
    });
  }
});

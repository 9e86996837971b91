// LoRA against a hand-computed case: with A [r, in] and B [out, r] set to known values, the model
// equals the base model whose Conv1D weight [in, out] is W + (B A)^T * alpha / r, i.e. each layer
// computes x W + x A^T B^T * alpha / r (PEFT's forward for fan_in_fan_out layers).
import { Gpt2Model } from '@prefixkit/gpt2';
import { noGrad, type Tensor, tensor } from '@prefixkit/tensor';
import { expect, it } from 'vitest';
import { createPeftModel } from '../src/methods';
import { loadTinyModel, maxAbsDiff } from './tiny-model';

const ids = [
  [5, 12, 9, 47, 30, 7, 2],
  [14, 3, 47, 21, 8, 47, 47],
];

it('adds (B A)^T * alpha / r to the Conv1D weight, and starts at the plain LM (B = 0)', async () => {
  const base = await loadTinyModel();
  const r = 2;
  const alpha = 3;
  const target = 'attn.c_proj';
  const peft = await createPeftModel(base, { method: 'lora', r, alpha, targetModules: [target] });
  const plain = await noGrad(() => base.forward(ids).logits).data();
  expect(maxAbsDiff(await noGrad(() => peft.forward(ids).logits).data(), plain)).toBe(0);
  const C = base.config.n_embd;
  const bound = 1 / Math.sqrt(C);
  const A0 = await peft.parameters.get(`transformer.h.0.${target}.lora_A.weight`)!.data();
  const largest = Array.from(A0, Math.abs).reduce((most, value) => Math.max(most, value), 0);
  expect(largest).toBeLessThanOrEqual(bound);

  // Known A, B per layer; the merged weight computed here element by element.
  const values: Record<string, { shape: number[]; data: Float32Array }> = {};
  const merged = new Map<string, Tensor>(base.parameters);
  for (let layer = 0; layer < base.config.n_layer; layer++) {
    const at = `transformer.h.${layer}.${target}`;
    const A = Float32Array.from({ length: r * C }, (_, k) => Math.sin(k + layer) * 0.3); // [r, in]
    const B = Float32Array.from({ length: C * r }, (_, k) => Math.cos(2 * k - layer) * 0.2); // [out, r]
    values[`${at}.lora_A.weight`] = { shape: [r, C], data: A };
    values[`${at}.lora_B.weight`] = { shape: [C, r], data: B };
    const W = await base.parameters.get(`${at}.weight`)!.data(); // [in, out]
    const W2 = new Float32Array(C * C);
    for (let i = 0; i < C; i++)
      for (let o = 0; o < C; o++) {
        let delta = 0;
        for (let k = 0; k < r; k++) delta += B[o * r + k]! * A[k * C + i]!;
        W2[i * C + o] = W[i * C + o]! + (delta * alpha) / r;
      }
    merged.set(`${at}.weight`, tensor(W2, [C, C], { backend: base.backend }));
  }
  peft.parameters.load(values, 'hand-made values');
  const byHand = await noGrad(() => new Gpt2Model(base.config, merged).forward(ids).logits).data();
  const lora = await noGrad(() => peft.forward(ids).logits).data();
  expect(maxAbsDiff(lora, byHand)).toBeLessThan(1e-5);
  expect(maxAbsDiff(lora, plain)).toBeGreaterThan(1e-2);
});

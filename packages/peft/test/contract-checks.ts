// The contract's training check, shared by the CPU contract and its WebGPU rerun: two AdamW steps
// through the method leave every base parameter bit-identical and move the method's own tensors.
import type { Gpt2Model } from '@prefixkit/gpt2';
import { AdamW, backward, noGrad, tidy } from '@prefixkit/tensor';
import { expect } from 'vitest';
import { createPeftModel } from '../src/methods';
import type { PeftModel } from '../src/peft-model';
import { maxAbsDiff } from './tiny-model';

export const EOS = 47;
/** Two rows with prompts masked out (-100), the second padded with EOS. */
export const contractIds = [
  [5, 12, 9, EOS, 30, 7, 2],
  [14, 3, EOS, 21, 8, EOS, EOS],
];
export const contractLabels = [
  [-100, -100, -100, -100, 30, 7, 2],
  [-100, -100, -100, 21, 8, EOS, -100],
];

/**
 * Creates the method over `base`, takes two AdamW steps (weight decay 0.01) and asserts the
 * contract; returns the trained method for further checks.
 * `dropoutSeedPerStep` passes the step as the dropout seed (the WebGPU rerun does).
 */
export async function trainTwoStepsKeepingBaseFrozen(
  base: Gpt2Model,
  config: object,
  options: { dropoutSeedPerStep?: boolean } = {},
): Promise<PeftModel> {
  const before = new Map<string, Float32Array>();
  for (const [key, t] of base.parameters) before.set(key, Float32Array.from(await t.data()));
  const peft = await createPeftModel(base, config, { seed: 1 });
  const initial = await peft.parameters.toHost();
  const optimizer = new AdamW(peft.parameters.list(), { lr: 1e-2, weightDecay: 0.01 });
  for (let step = 0; step < 2; step++) {
    const dropoutSeed = options.dropoutSeedPerStep ? { dropoutSeed: step } : {};
    tidy(() =>
      backward(
        peft.forward(contractIds, { labels: contractLabels, training: true, ...dropoutSeed }).loss!,
      ),
    );
    noGrad(() => optimizer.step());
    optimizer.zeroGrad();
  }
  for (const [key, t] of base.parameters)
    expect(
      Buffer.from((await t.data()).buffer).equals(Buffer.from(before.get(key)!.buffer)),
      key,
    ).toBe(true);
  const after = await peft.parameters.toHost();
  expect(
    Object.keys(initial).some((key) => maxAbsDiff(initial[key]!.data, after[key]!.data) > 0),
  ).toBe(true);
  return peft;
}

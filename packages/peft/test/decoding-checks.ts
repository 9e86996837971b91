// The decoding contract's check, shared by the CPU contract and its WebGPU rerun: greedy tokens
// from generateWithPeft (the method's decoding() through generate's KV cache, prompts of
// different lengths left-padded in one batch) equal the argmax of the method's own forward over
// the whole growing sequence, recomputed at every step without a cache or padding.
import { type Backend, CpuBackend, keep, noGrad, type Tensor, tidy } from '@prefixkit/tensor';
import { expect } from 'vitest';
import { generateWithPeft } from '../src/generate-with-peft';
import { createPeftModel, type MethodName } from '../src/methods';
import type { PeftModel } from '../src/peft-model';
import { Trainer } from '../src/trainer/trainer';
import { contractIds, contractLabels, EOS } from './contract-checks';
import { loadTinyModel, maxAbsDiff } from './tiny-model';

export const decodingConfigs: Record<MethodName, object> = {
  prefix: { method: 'prefix', prefixLength: 3, midDim: 8 },
  'prefix-flat': { method: 'prefix-flat', prefixLength: 3 },
  'embedding-only': { method: 'embedding-only', prefixLength: 3 },
  infix: { method: 'infix', infixLength: 2, midDim: 8, separatorTokenId: EOS },
  adapter: { method: 'adapter', bottleneck: 4 },
  lora: { method: 'lora', r: 2, targetModules: ['attn.c_attn', 'mlp.c_fc'] },
  'ft-full': { method: 'ft-full' },
  'ft-top2': { method: 'ft-top2' },
};

/** Two prompts of different lengths, each holding the infix separator, one with tokens after it. */
export const decodingPrompts = [
  [5, 12, 9, EOS],
  [14, EOS, 21],
];
const newTokens = 5;

/** A method moved off its initialisation (zero-initialised updates included) by large steps. */
export async function trained(
  json: object,
  backend: Backend = new CpuBackend(),
): Promise<PeftModel> {
  const peft = await createPeftModel(await loadTinyModel(backend), json, { seed: 2 });
  const train = contractIds.map((inputIds, row) => ({ inputIds, labels: contractLabels[row]! }));
  await new Trainer(peft, {
    train,
    config: { maxSteps: 2, batchSize: 2, learningRate: 0.1, padTokenId: EOS },
  }).train();
  return peft;
}

async function lastLogits(run: () => { logits: Tensor }): Promise<Float32Array> {
  const logits = noGrad(() => tidy(() => keep(run().logits)));
  const data = Float32Array.from(await logits.data());
  logits.dispose();
  return data.subarray(data.length - logits.shape[2]!);
}

const argmax = (values: Float32Array) =>
  values.reduce((best, value, index) => (value > values[best]! ? index : best), 0);

/** Greedy continuation by the method's forward alone: no cache, no padding, one row at a time. */
export async function greedyByForward(
  peft: PeftModel,
  prompt: readonly number[],
): Promise<number[]> {
  const sequence = [...prompt];
  for (let step = 0; step < newTokens; step++)
    sequence.push(argmax(await lastLogits(() => peft.forward([sequence]))));
  return sequence.slice(prompt.length);
}

/** Asserts the contract for `peft` on `prompts`, and that the method changes the model. */
export async function expectDecodingAsForward(
  peft: PeftModel,
  prompts: readonly (readonly number[])[] = decodingPrompts,
): Promise<void> {
  const rows = await generateWithPeft(peft, prompts, { maxNewTokens: newTokens, eosTokenId: null });
  for (const [row, prompt] of prompts.entries())
    expect(rows[row]!.tokens, `prompt ${row}`).toEqual(await greedyByForward(peft, prompt));
  const last = prompts.at(-1)!;
  const viaMethod = await lastLogits(() => peft.forward([last]));
  const viaBase = await lastLogits(() => peft.base.forward([last]));
  expect(maxAbsDiff(viaMethod, viaBase)).toBeGreaterThan(1e-3);
}

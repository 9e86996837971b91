// Every method decodes as its forward computes (decoding-checks.ts), on the CPU backend; and
// what decoding builds is freed without touching the method or the base model.
import { describe, expect, it } from 'vitest';
import { generateWithPeft } from '../src/generate-with-peft';
import { type MethodName, methods } from '../src/methods';
import {
  decodingConfigs,
  decodingPrompts,
  expectDecodingAsForward,
  trained,
} from './decoding-checks';

it('covers every registered method', () => {
  expect(Object.keys(decodingConfigs).sort()).toEqual(Object.keys(methods).sort());
});

describe.each(Object.keys(decodingConfigs) as MethodName[])('method %s', (name) => {
  it('decodes exactly as its forward computes, and differs from the base model', async () => {
    await expectDecodingAsForward(await trained(decodingConfigs[name]));
  });
});

it('decodes a prefix whose tokens take positions from 0 as its forward does', async () => {
  const peft = await trained({ ...decodingConfigs.prefix, positions: 'from-zero' });
  await expectDecodingAsForward(peft);
});

it('frees what decoding built and keeps the method usable', async () => {
  const peft = await trained(decodingConfigs.lora);
  const decoding = peft.decoding();
  const merged = [...decoding.model.parameters].filter(
    ([name, tensor]) => peft.base.parameters.get(name) !== tensor,
  );
  expect(merged.length).toBe(6); // c_attn and c_fc of 3 layers
  decoding.dispose();
  expect(merged.every(([, tensor]) => tensor.isDisposed)).toBe(true);
  expect([...peft.base.parameters.values()].some((tensor) => tensor.isDisposed)).toBe(false);
  await generateWithPeft(peft, decodingPrompts, { maxNewTokens: 1 });
});

it('refuses an infix prompt without its separator, naming the row', async () => {
  const peft = await trained(decodingConfigs.infix);
  await expect(generateWithPeft(peft, [[5, 12], [3]], { maxNewTokens: 1 })).rejects.toThrow(
    /prompts\[0\]: expected the infix separator token 47/,
  );
});

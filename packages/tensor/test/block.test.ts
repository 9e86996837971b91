// A GPT-2-block-shaped forward and backward (LN, attention with a prefix and a mask, MLP with
// gelu_new, residuals, dropout, loss): WebGPU must match the CPU backend on the loss and every
// gradient; in f64 on the CPU the prefix gradients (the prefix-tuning case, frozen LM) must
// match finite differences.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../src/backends/backend';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import { backward, gradcheck, tidy } from '../src/index';
import { type BlockParams, blockLoss, makeBlockInputs, makeBlockParams } from './gpt2-block';
import { compareArrays } from './helpers';
import { getWebGpuBackend } from './webgpu-fixture';

async function lossAndGrads(backend: Backend, dropoutSeed?: number) {
  const params = makeBlockParams(backend, 'f32', () => true);
  const inputs = makeBlockInputs(backend);
  const loss = tidy(() => {
    const l = blockLoss(params, inputs, dropoutSeed === undefined ? {} : { dropoutSeed });
    backward(l);
    return l;
  });
  const grads: Record<string, Float32Array> = {};
  for (const [name, p] of Object.entries(params) as [
    keyof BlockParams,
    BlockParams[keyof BlockParams],
  ][]) {
    grads[name] = (await p.grad!.data()) as Float32Array;
  }
  return { loss: (await loss.data())[0]!, grads };
}

describe('GPT-2-shaped block', () => {
  for (const dropoutSeed of [undefined, 7]) {
    it(`WebGPU matches the CPU backend, forward and backward (dropout seed ${dropoutSeed ?? 'off'})`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const expected = await lossAndGrads(new CpuBackend(), dropoutSeed);
      const got = await lossAndGrads(gpu, dropoutSeed);
      expect(Number.isFinite(expected.loss)).toBe(true);
      expect(got.loss).toBeCloseTo(expected.loss, 4);
      for (const [name, values] of Object.entries(expected.grads)) {
        const norm = Math.sqrt(values.reduce((n, v) => n + v * v, 0));
        expect(norm, `${name} gradient is not all zero`).toBeGreaterThan(0);
        const result = compareArrays(got.grads[name]!, values, { atol: 1e-5, rtol: 1e-3 });
        expect(result.report, name).toBe('ok');
      }
    });
  }

  it('prefix gradients of a frozen block match finite differences (f64, CPU)', async () => {
    const cpu = new CpuBackend();
    const params = makeBlockParams(
      cpu,
      'f64',
      (name) => name === 'prefixKey' || name === 'prefixValue',
    );
    const inputs = makeBlockInputs(cpu, 'f64');
    const result = await gradcheck(
      (prefixKey, prefixValue) =>
        blockLoss({ ...params, prefixKey: prefixKey!, prefixValue: prefixValue! }, inputs),
      [params.prefixKey, params.prefixValue],
    );
    expect(result.failures, `max error ${result.maxError}`).toEqual([]);
    // Frozen weights got no gradient.
    expect(params.attnW.grad).toBeNull();
  });
});

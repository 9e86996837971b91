// PREFIXKIT_ROW_KERNELS=workgroup: softmax (masked, causal with a past) and layer norm, forward
// and backward, on WebGPU with the workgroup-per-row kernels match the CPU backend.
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../src/backends/backend';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import { rowKernelConstants } from '../src/flags';
import { backward, layerNorm, maskedSoftmax, mul, sum, type Tensor, tensor } from '../src/index';
import { compareArrays, randomTensor } from './helpers';
import { getWebGpuBackend } from './webgpu-fixture';

const saved = process.env.PREFIXKIT_ROW_KERNELS;
afterEach(() => {
  if (saved === undefined) delete process.env.PREFIXKIT_ROW_KERNELS;
  else process.env.PREFIXKIT_ROW_KERNELS = saved;
});

/** Values and input gradients of softmax and layer norm on `backend` (rows of 97 columns). */
async function run(backend: Backend): Promise<number[][]> {
  const x = randomTensor(backend, [2, 2, 3, 97], { seed: 1, min: -4, max: 4, requiresGrad: true });
  const w = randomTensor(backend, [97], { seed: 2, requiresGrad: true });
  const b = randomTensor(backend, [97], { seed: 3, requiresGrad: true });
  const dOut = randomTensor(backend, [2, 2, 3, 97], { seed: 4 });
  const mask = tensor(
    Array.from({ length: 2 * 97 }, (_, j) => (j % 5 === 0 ? 0 : 1)),
    [2, 97],
    { backend },
  );
  const probabilities = maskedSoftmax(x, { causal: true, queryLen: 3, heads: 2, divisor: 8, mask });
  const normed = layerNorm(x, w, b);
  backward(sum(mul(mul(probabilities, dOut), normed)));
  const outputs: Tensor[] = [probabilities, normed, x.grad!, w.grad!, b.grad!];
  return Promise.all(outputs.map((t) => t.toArray()));
}

describe('PREFIXKIT_ROW_KERNELS', () => {
  it('maps to the kernels specialisation constant', () => {
    delete process.env.PREFIXKIT_ROW_KERNELS;
    expect(rowKernelConstants()).toBeUndefined();
    process.env.PREFIXKIT_ROW_KERNELS = 'workgroup';
    expect(rowKernelConstants()).toEqual({ workgroupPerRow: 1 });
  });
  it('workgroup-per-row softmax and layer norm on WebGPU match the CPU backend', async (context) => {
    const gpu = await getWebGpuBackend(context);
    process.env.PREFIXKIT_ROW_KERNELS = 'workgroup';
    const got = await run(gpu);
    const expected = await run(new CpuBackend());
    got.forEach((values, k) => {
      expect(
        compareArrays(values, expected[k]!, { atol: 2e-5, rtol: 1e-4 }).report,
        `output ${k}`,
      ).toBe('ok');
    });
  });
});

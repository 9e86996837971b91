// Conformance: dropout on WebGPU drops exactly the elements the CPU reference drops (same seed,
// same counter-based RNG), and keeps about 1 - p of them.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32, ODD_SIZES } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { dropoutReference } from './dropout.reference';

describe('dropout: WebGPU vs reference', () => {
  for (const size of ODD_SIZES) {
    it(`${size} elements, p = 0.3`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const uniforms = {
        size,
        seed: 1234 + size,
        threshold: Math.round(0.3 * 2 ** 32),
        scale: 1 / 0.7,
      };
      await expectKernelMatches(gpu, 'dropout', {
        label: 'dropout',
        inputs: [f32(size, size, 0.5, 1)],
        outputs: [size],
        uniforms,
      });
    });
  }
  it('keeps about 1 - p of 100000 elements (reference RNG)', () => {
    const size = 100_000;
    const y = new Float32Array(size);
    dropoutReference([new Float32Array(size).fill(1)], [y], {
      size,
      seed: 9,
      threshold: Math.round(0.25 * 2 ** 32),
      scale: 1,
    });
    const kept = y.reduce((n, v) => n + v, 0) / size;
    expect(kept).toBeGreaterThan(0.74);
    expect(kept).toBeLessThan(0.76);
  });
});

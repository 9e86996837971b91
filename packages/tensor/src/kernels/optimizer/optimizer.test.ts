// Conformance: the fused optimiser kernels on WebGPU vs the references, odd sizes.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32, ODD_SIZES } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

describe('optimiser kernels: WebGPU vs reference', () => {
  for (const size of ODD_SIZES) {
    it(`${size} elements`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const g = f32(size, size);
      const p = f32(size, size + 1);
      const label = `size ${size}`;
      await expectKernelMatches(gpu, 'adamwStep', {
        label,
        inputs: [g],
        outputs: [p, f32(size, 2, -0.1, 0.1), f32(size, 3, 0, 0.01)],
        uniforms: {
          size,
          decay: 1 - 1e-3 * 0.1,
          beta1: 0.9,
          oneMinusBeta1: 0.1,
          beta2: 0.999,
          oneMinusBeta2: 0.001,
          stepSize: 1e-3 / (1 - 0.9 ** 3),
          bc2Sqrt: Math.sqrt(1 - 0.999 ** 3),
          eps: 1e-8,
        },
      });
      await expectKernelMatches(gpu, 'sgdStep', {
        label,
        inputs: [g],
        outputs: [p],
        uniforms: { size, lr: 0.1, weightDecay: 0.01 },
      });
      for (const first of [0, 1]) {
        await expectKernelMatches(gpu, 'sgdMomentumStep', {
          label: `${label} first=${first}`,
          inputs: [g],
          outputs: [p, f32(size, 4)],
          uniforms: { size, lr: 0.1, weightDecay: 0.01, momentum: 0.9, dampening: 0.1, first },
        });
      }
      for (const maxNorm of [0.5, 1000]) {
        await expectKernelMatches(gpu, 'clipScale', {
          label: `${label} maxNorm=${maxNorm}`,
          inputs: [Float32Array.of(3, 4, 9)],
          outputs: [g],
          uniforms: { size, count: 3, maxNorm },
        });
      }
    });
  }
});

// Conformance: gelu / tanh / relu forward and backward kernels on WebGPU vs their references.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32, ODD_SIZES } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

describe('activation kernels: WebGPU vs reference', () => {
  for (const size of ODD_SIZES) {
    it(`forward and backward on ${size} elements`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      // Wide range: tanh saturation (|x| > 15 inside gelu) must not produce NaN.
      const x = f32(size, size, -20, 20);
      const dy = f32(size, size + 7);
      const label = `size ${size}`;
      for (const kernel of [
        'geluForward',
        'geluExactForward',
        'tanhForward',
        'reluForward',
      ] as const) {
        await expectKernelMatches(gpu, kernel, {
          label,
          inputs: [x],
          outputs: [size],
          uniforms: { size },
        });
      }
      for (const kernel of ['geluBackward', 'geluExactBackward', 'reluBackward'] as const) {
        await expectKernelMatches(gpu, kernel, {
          label,
          inputs: [x, dy],
          outputs: [size],
          uniforms: { size },
        });
      }
      const y = f32(size, size + 3, -1, 1);
      await expectKernelMatches(gpu, 'tanhBackward', {
        label,
        inputs: [y, dy],
        outputs: [size],
        uniforms: { size },
      });
    });
  }
});

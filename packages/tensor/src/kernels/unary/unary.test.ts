// Conformance: the element-wise math kernels on WebGPU vs their CPU references, odd sizes.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32, ODD_SIZES } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

describe('unary kernels: WebGPU vs reference', () => {
  for (const size of ODD_SIZES) {
    it(`affine, exp, log, sqrt on ${size} elements`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const x = f32(size, size, -4, 4);
      const positive = f32(size, size + 1, 0.01, 50);
      await expectKernelMatches(gpu, 'affine', {
        label: `size ${size}`,
        inputs: [x],
        outputs: [size],
        uniforms: { size, alpha: -1.5, beta: 0.25 },
      });
      await expectKernelMatches(gpu, 'exp', {
        label: `size ${size}`,
        inputs: [x],
        outputs: [size],
        uniforms: { size },
      });
      await expectKernelMatches(gpu, 'log', {
        label: `size ${size}`,
        inputs: [positive],
        outputs: [size],
        uniforms: { size },
      });
      await expectKernelMatches(gpu, 'sqrt', {
        label: `size ${size}`,
        inputs: [positive],
        outputs: [size],
        uniforms: { size },
      });
    });
  }
  it('tiles more than 65535 workgroups into y (4.2M elements)', async (context) => {
    const gpu = await getWebGpuBackend(context);
    const size = 65535 * 64 + 1000;
    await expectKernelMatches(gpu, 'affine', {
      label: 'tiled',
      inputs: [f32(size, 5)],
      outputs: [size],
      uniforms: { size, alpha: 2, beta: -1 },
    });
  });
});

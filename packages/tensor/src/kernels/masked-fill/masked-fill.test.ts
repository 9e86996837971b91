// Conformance: maskedFillInt on WebGPU vs the reference (exact), odd sizes, negative fill.
import { describe, it } from 'vitest';
import { expectKernelMatches, ODD_SIZES } from '../../../test/conformance';
import { randomIds } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

describe('maskedFillInt: WebGPU vs reference', () => {
  for (const size of ODD_SIZES) {
    it(`${size} elements`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      await expectKernelMatches(gpu, 'maskedFillInt', {
        label: `size ${size}`,
        inputs: [randomIds(size, 50257, size), randomIds(size, 2, size + 1)],
        outputs: [new Int32Array(size)],
        uniforms: { size, value: -100 },
      });
    });
  }
});

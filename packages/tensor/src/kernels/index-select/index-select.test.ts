// Conformance: indexSelect forward (f32 and i32, bit-exact) and its scatter-add backward on
// WebGPU vs the references, on odd shapes with repeated and out-of-range indices, accumulating
// into a non-zero gradient.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomIds } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

// [outer, n, count, inner]
const shapes: [number, number, number, number][] = [
  [1, 1, 1, 1],
  [1, 5, 7, 3],
  [3, 7, 2, 65],
  [7, 33, 65, 1],
  [2, 4, 4, 257],
];

describe('indexSelect: WebGPU vs reference', () => {
  for (const [outer, n, count, inner] of shapes) {
    it(`[${outer}, ${n}, ${inner}] selecting ${count}`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const indices = randomIds(count, n, count + n);
      if (count > 2) {
        indices[1] = -1;
        indices[2] = n;
      }
      const uniforms = { outer, n, count, inner };
      await expectKernelMatches(gpu, 'indexSelectForward', {
        label: 'forward f32',
        inputs: [f32(outer * n * inner, 1), indices],
        outputs: [outer * count * inner],
        uniforms,
      });
      await expectKernelMatches(gpu, 'indexSelectForward', {
        label: 'forward i32',
        inputs: [randomIds(outer * n * inner, 50257, 2), indices],
        outputs: [new Int32Array(outer * count * inner)],
        uniforms,
      });
      await expectKernelMatches(gpu, 'indexSelectBackward', {
        label: 'backward (accumulates)',
        inputs: [indices, f32(outer * count * inner, 3)],
        outputs: [f32(outer * n * inner, 4)],
        uniforms,
      });
    });
  }
});

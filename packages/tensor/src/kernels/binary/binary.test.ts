// Conformance: broadcasting add / sub / mul / div on WebGPU vs their references, contiguous and
// strided variants, odd shapes; the strided variant with runs of the innermost axis (software
// adapters) and with a thread per element (GPUs).
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { broadcastShapes, broadcastStrides, collapseStrided, sizeOf } from '../../shape';
import { stridedUniformValues } from '../strided-index';

const cases: [number[], number[]][] = [
  [[1], [1]],
  [[257], [257]],
  [[3, 65], [65]],
  [
    [7, 1, 33],
    [5, 1],
  ],
  [
    [2, 3, 7, 5],
    [3, 1, 5],
  ],
  [
    [65, 3],
    [65, 1],
  ],
  [
    [3, 1, 200],
    [5, 200],
  ],
  [
    [2, 130, 1],
    [1, 1, 3],
  ],
];

describe('binary kernels: WebGPU vs reference', () => {
  for (const [aShape, bShape] of cases) {
    it(`[${aShape}] op [${bShape}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const shape = broadcastShapes('test', aShape, bShape);
      const size = sizeOf(shape);
      const view = collapseStrided('test', shape, [
        broadcastStrides(aShape, shape),
        broadcastStrides(bShape, shape),
      ]);
      const uniforms = {
        size,
        ...stridedUniformValues(view.shape, { a: view.strides[0]!, b: view.strides[1]! }),
      };
      const contiguous = aShape.join() === shape.join() && bShape.join() === shape.join() ? 1 : 0;
      const a = f32(sizeOf(aShape), size);
      const b = f32(sizeOf(bShape), size + 1, 0.5, 2);
      for (const kernel of ['add', 'sub', 'mul', 'div'] as const) {
        for (const softwareAdapter of [0, 1])
          await expectKernelMatches(gpu, kernel, {
            label: `[${aShape}] [${bShape}] softwareAdapter ${softwareAdapter}`,
            inputs: [a, b],
            outputs: [size],
            uniforms,
            constants: { contiguous, softwareAdapter },
          });
        if (contiguous === 1) {
          // The general index path must agree with the contiguous one.
          await expectKernelMatches(gpu, kernel, {
            label: 'strided path',
            inputs: [a, b],
            outputs: [size],
            uniforms,
            constants: { contiguous: 0 },
          });
        }
      }
    });
  }
});

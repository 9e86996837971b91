// Conformance: embedding gather and scatter-add on WebGPU vs the references, with repeated and
// out-of-range ids, accumulating into a non-zero gradient.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomIds } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

const shapes: [number, number, number][] = [
  [1, 1, 1],
  [7, 5, 3],
  [65, 33, 7],
  [257, 11, 65],
];

describe('embedding: WebGPU vs reference', () => {
  for (const [rows, vocab, cols] of shapes) {
    it(`${rows} ids into [${vocab}, ${cols}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const ids = randomIds(rows, vocab, rows);
      if (rows > 2) {
        ids[1] = -1;
        ids[2] = vocab;
      }
      const uniforms = { rows, vocab, cols };
      await expectKernelMatches(gpu, 'embeddingForward', {
        label: 'forward',
        inputs: [ids, f32(vocab * cols, 1)],
        outputs: [rows * cols],
        uniforms,
      });
      await expectKernelMatches(gpu, 'embeddingBackward', {
        label: 'backward (accumulates)',
        inputs: [ids, f32(rows * cols, 2)],
        outputs: [f32(vocab * cols, 3)],
        uniforms,
      });
    });
  }
});

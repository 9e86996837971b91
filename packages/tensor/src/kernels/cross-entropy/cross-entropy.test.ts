// Conformance: the fused cross-entropy kernels on WebGPU vs the references: odd vocabularies
// (fewer and more columns than the 64 lanes), ignored and out-of-range labels, mean and sum.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomIds } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { crossEntropyForwardReference } from './cross-entropy.reference';

const shapes: [number, number][] = [
  [1, 1],
  [3, 7],
  [33, 65],
  [7, 1023],
  [65, 257],
];

describe('cross-entropy: WebGPU vs reference', () => {
  for (const [rows, cols] of shapes) {
    it(`[${rows}, ${cols}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const logits = f32(rows * cols, rows * cols, -6, 6);
      const labels = randomIds(rows, cols, rows);
      if (rows > 2) {
        labels[0] = -100;
        labels[2] = cols;
      }
      const base = { rows, cols, ignoreIndex: -100 };
      await expectKernelMatches(gpu, 'crossEntropyForward', {
        label: 'forward',
        inputs: [logits, labels],
        outputs: [rows, rows],
        uniforms: base,
      });
      const loss = new Float32Array(rows);
      const lse = new Float32Array(rows);
      crossEntropyForwardReference([logits, labels], [loss, lse], base);
      for (const mean of [0, 1]) {
        await expectKernelMatches(gpu, 'crossEntropyReduce', {
          label: `reduce mean=${mean}`,
          inputs: [loss, labels],
          outputs: [1, 1],
          uniforms: { ...base, mean },
        });
        await expectKernelMatches(gpu, 'crossEntropyBackward', {
          label: `backward mean=${mean}`,
          inputs: [
            logits,
            labels,
            lse,
            Float32Array.of(0.75),
            Float32Array.of(Math.max(1, rows - 2)),
          ],
          outputs: [rows * cols],
          uniforms: { ...base, mean },
        });
      }
    });
  }
});

// Conformance: the fused layer-norm kernels on WebGPU vs the references, odd rows and columns.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { layerNormForwardReference } from './layer-norm.reference';

const shapes: [number, number][] = [
  [1, 1],
  [1, 7],
  [3, 33],
  [65, 7],
  [7, 257],
  [2, 769], // GPT-2-like width that is not a multiple of the 64 lanes
];

describe('layer norm: WebGPU vs reference', () => {
  for (const [rows, cols] of shapes) {
    it(`[${rows}, ${cols}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const x = f32(rows * cols, rows + cols, -3, 5);
      const w = f32(cols, 2);
      const b = f32(cols, 3);
      // workgroupPerRow 0: thread per row (default); 1: workgroup per row (row-reduce.ts).
      for (const workgroupPerRow of [0, 1]) {
        await expectKernelMatches(gpu, 'layerNormForward', {
          label: `forward, workgroupPerRow ${workgroupPerRow}`,
          inputs: [x, w, b],
          outputs: [rows * cols, rows, rows],
          uniforms: { rows, cols, eps: 1e-5 },
          constants: { workgroupPerRow },
        });
      }
      // Backward inputs: the saved statistics as the forward computes them.
      const mean = new Float32Array(rows);
      const rstd = new Float32Array(rows);
      layerNormForwardReference([x, w, b], [new Float32Array(rows * cols), mean, rstd], {
        rows,
        cols,
        eps: 1e-5,
      });
      const dy = f32(rows * cols, 9);
      for (const workgroupPerRow of [0, 1]) {
        await expectKernelMatches(gpu, 'layerNormBackward', {
          label: `backward, workgroupPerRow ${workgroupPerRow}`,
          inputs: [dy, x, w, mean, rstd],
          outputs: [rows * cols],
          uniforms: { rows, cols },
          constants: { workgroupPerRow },
        });
      }
      await expectKernelMatches(gpu, 'layerNormParamsBackward', {
        label: 'params backward',
        inputs: [dy, x, mean, rstd],
        outputs: [cols, cols],
        uniforms: { rows, cols },
      });
    });
  }
});

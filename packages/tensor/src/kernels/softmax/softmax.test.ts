// Conformance: the masked softmax kernels on WebGPU vs the references: plain rows, causal with a
// past (prefix), T = 1, one head, an attention mask with zeros (including fully masked rows).
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

interface Case {
  batch: number;
  heads: number;
  queryLen: number;
  cols: number;
  causal: number;
  mask?: 'some' | 'all-zero';
}

const cases: Case[] = [
  { batch: 1, heads: 1, queryLen: 1, cols: 1, causal: 0 },
  { batch: 3, heads: 1, queryLen: 7, cols: 257, causal: 0 },
  { batch: 2, heads: 3, queryLen: 7, cols: 7, causal: 1 },
  { batch: 2, heads: 1, queryLen: 1, cols: 33, causal: 1 },
  { batch: 2, heads: 2, queryLen: 5, cols: 65, causal: 1, mask: 'some' },
  { batch: 1, heads: 1, queryLen: 3, cols: 7, causal: 1, mask: 'all-zero' },
];

function maskFor(c: Case): Float32Array {
  const mask = new Float32Array(c.batch * c.cols).fill(1);
  if (c.mask === 'all-zero') mask.fill(0);
  if (c.mask === 'some') for (let i = 0; i < mask.length; i += 3) mask[i] = 0;
  return mask;
}

describe('masked softmax: WebGPU vs reference', () => {
  // workgroupPerRow 0: thread per row (default); 1: workgroup per row (row-reduce.ts).
  for (const [c, workgroupPerRow] of cases.flatMap((c) => [[c, 0] as const, [c, 1] as const])) {
    it(`${JSON.stringify(c)}, workgroupPerRow ${workgroupPerRow}`, async (context) => {
      const constants = { workgroupPerRow };
      const gpu = await getWebGpuBackend(context);
      const rows = c.batch * c.heads * c.queryLen;
      const size = rows * c.cols;
      const x = f32(size, size, -8, 8);
      const mask = c.mask ? maskFor(c) : new Float32Array(1);
      const shape = { rows, cols: c.cols, queryLen: c.queryLen, divisor: 2.5, causal: c.causal };
      await expectKernelMatches(gpu, 'maskedSoftmaxForward', {
        label: 'forward',
        inputs: [x, mask],
        outputs: [size],
        uniforms: { ...shape, heads: c.heads, hasMask: c.mask ? 1 : 0 },
        constants,
      });
      const y = f32(size, size + 1, 0, 0.2);
      await expectKernelMatches(gpu, 'maskedSoftmaxBackward', {
        label: 'backward',
        inputs: [y, f32(size, size + 2)],
        outputs: [size],
        uniforms: shape,
        constants,
      });
    });
  }
});

// Conformance: sumAxis on WebGPU vs the reference over odd [outer, reduce, inner] views,
// chunked and squared variants, and writing at an output offset.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';

const views: [number, number, number, number][] = [
  [1, 1, 1, 1],
  [3, 7, 1, 7],
  [1, 257, 33, 257],
  [65, 3, 7, 3],
  [1, 5000, 1, 71],
  [2, 1023, 3, 100],
];

describe('sumAxis: WebGPU vs reference', () => {
  for (const [outer, reduce, inner, chunk] of views) {
    it(`[${outer}, ${reduce}, ${inner}] in chunks of ${chunk}`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const x = f32(outer * reduce * inner, reduce);
      const outputs = outer * Math.ceil(reduce / chunk) * inner;
      for (const squared of [0, 1]) {
        await expectKernelMatches(gpu, 'sumAxis', {
          label: `squared=${squared}`,
          inputs: [x],
          outputs: [outputs],
          uniforms: { outer, reduce, inner, chunk, squared, outOffset: 0 },
        });
      }
    });
  }
  it('writes at an output offset and leaves the rest', async (context) => {
    const gpu = await getWebGpuBackend(context);
    await expectKernelMatches(gpu, 'sumAxis', {
      label: 'offset',
      inputs: [f32(33, 1)],
      outputs: [f32(5, 2)],
      uniforms: { outer: 1, reduce: 33, inner: 1, chunk: 33, squared: 1, outOffset: 3 },
    });
  });
});

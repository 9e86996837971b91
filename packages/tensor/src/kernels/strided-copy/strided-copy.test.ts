// Conformance: stridedCopy (permute, slice into an offset, zero-stride broadcast, an innermost
// axis longer than one run) on WebGPU vs the reference, each with runs of the innermost axis
// (software adapters) and with a thread per element (GPUs); untouched output elements must keep
// their contents.
import { describe, it } from 'vitest';
import { expectKernelMatches, f32, type KernelCase } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { collapseStrided, sizeOf, stridesOf } from '../../shape';
import { stridedUniformValues } from '../strided-index';

function uniformsFor(
  shape: number[],
  inStrides: number[],
  outStrides: number[],
  inOffset = 0,
  outOffset = 0,
) {
  const view = collapseStrided('test', shape, [inStrides, outStrides]);
  return {
    size: sizeOf(shape),
    ...stridedUniformValues(view.shape, { i: view.strides[0]!, o: view.strides[1]! }),
    inOffset,
    outOffset,
  };
}

/** The case with each thread layout: runs (softwareAdapter 1) and one element per thread. */
async function bothLayouts(gpu: Backend, testCase: KernelCase) {
  for (const softwareAdapter of [0, 1])
    await expectKernelMatches(gpu, 'stridedCopy', {
      ...testCase,
      label: `${testCase.label} softwareAdapter ${softwareAdapter}`,
      constants: { softwareAdapter },
    });
}

describe('stridedCopy: WebGPU vs reference', () => {
  it('copies rows of 150 (three runs) from stride 2 into a transposed [150, 4]', async (context) => {
    const gpu = await getWebGpuBackend(context);
    await bothLayouts(gpu, {
      label: 'long rows',
      inputs: [f32(1200, 9)],
      outputs: [f32(600, 10)],
      uniforms: uniformsFor([4, 150], [300, 2], [1, 4], 1, 0),
    });
  });
  it('permutes [3, 7, 33] -> [33, 3, 7]', async (context) => {
    const gpu = await getWebGpuBackend(context);
    const shape = [33, 3, 7];
    const s = stridesOf([3, 7, 33]);
    await bothLayouts(gpu, {
      label: 'permute',
      inputs: [f32(693, 1)],
      outputs: [693],
      uniforms: uniformsFor(shape, [s[2]!, s[0]!, s[1]!], stridesOf(shape)),
    });
  });
  it('writes a [5, 3] block into a [5, 7] output at column 2, leaving the rest', async (context) => {
    const gpu = await getWebGpuBackend(context);
    await bothLayouts(gpu, {
      label: 'slice-into',
      inputs: [f32(15, 2)],
      outputs: [f32(35, 3)],
      uniforms: uniformsFor([5, 3], [3, 1], [7, 1], 0, 2),
    });
  });
  it('broadcasts [1, 65] over 257 rows (stride 0) and reads from an offset', async (context) => {
    const gpu = await getWebGpuBackend(context);
    await bothLayouts(gpu, {
      label: 'expand',
      inputs: [f32(70, 4)],
      outputs: [257 * 65],
      uniforms: uniformsFor([257, 65], [0, 1], [65, 1], 5, 0),
    });
  });
  it('copies i32 bit patterns exactly (including ones that are NaN as f32)', async (context) => {
    const gpu = await getWebGpuBackend(context);
    const ids = Int32Array.from([-100, -1, 0, 7, 2147483647, -2147483648, 0x7fc00001]);
    await bothLayouts(gpu, {
      label: 'i32',
      inputs: [ids],
      outputs: [new Int32Array(7)],
      uniforms: uniformsFor([7], [1], [1]),
      tolerance: { atol: 0, rtol: 0 },
    });
  });
});

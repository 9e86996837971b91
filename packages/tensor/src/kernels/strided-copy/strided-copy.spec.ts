// KernelSpec of stridedCopy: x (any layout) -> y (any layout), over shape s0..s5 with input
// strides i0..i5 and output strides o0..o5; writes only the addressed elements of y.
import type { KernelSpec } from '../kernel-spec';
import { shapeUniforms, stridedRun, stridedThreads, strideUniforms } from '../strided-index';
import { elementDispatch, WORKGROUP_SIZE } from '../wgsl';
import { stridedCopyWgsl } from './strided-copy.wgsl';

const kernel = {
  // u32: a bit-exact copy for f32 and i32 alike (no NaN canonicalisation of i32 patterns).
  inputs: [{ name: 'x', type: 'u32' }],
  outputs: [{ name: 'y', type: 'u32' }],
  uniforms: [
    { name: 'size', type: 'u32' },
    ...shapeUniforms(),
    ...strideUniforms('i'),
    ...strideUniforms('o'),
    { name: 'inOffset', type: 'u32' },
    { name: 'outOffset', type: 'u32' },
  ],
} as const;

export const stridedCopy: KernelSpec = {
  name: 'stridedCopy',
  ...kernel,
  wgsl: (constants) => stridedCopyWgsl(kernel, stridedRun(constants)),
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: ({ size = 0, s5 = 1 }, constants) =>
    elementDispatch(stridedThreads(size, s5, stridedRun(constants))),
  tolerance: { atol: 0, rtol: 0 },
};

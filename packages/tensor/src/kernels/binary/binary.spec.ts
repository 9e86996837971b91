// KernelSpecs of add / sub / mul / div with broadcasting.
// a, b read through strides a0..a5 / b0..b5 over shape s0..s5 -> out [size] contiguous.
// Constant `contiguous` (0/1) picks the index-free variant; results are identical.
import type { KernelSpec } from '../kernel-spec';
import { shapeUniforms, stridedRun, stridedThreads, strideUniforms } from '../strided-index';
import { elementDispatch, WORKGROUP_SIZE } from '../wgsl';
import { binaryWgsl } from './binary.wgsl';

const binary = {
  inputs: [
    { name: 'a', type: 'f32' },
    { name: 'b', type: 'f32' },
  ],
  outputs: [{ name: 'out', type: 'f32' }],
  uniforms: [
    { name: 'size', type: 'u32' },
    ...shapeUniforms(),
    ...strideUniforms('a'),
    ...strideUniforms('b'),
  ],
} as const;

function binarySpec(name: string, operator: string): KernelSpec {
  return {
    name,
    ...binary,
    wgsl: (constants) =>
      binaryWgsl(binary, operator, constants.contiguous === 1, stridedRun(constants)),
    workgroupSize: [WORKGROUP_SIZE, 1, 1],
    dispatch: ({ size = 0, s5 = 1 }, constants) =>
      elementDispatch(
        constants.contiguous === 1 ? size : stridedThreads(size, s5, stridedRun(constants)),
      ),
    tolerance: { atol: 1e-6, rtol: 1e-6 },
  };
}

export const add = binarySpec('add', '+');
export const sub = binarySpec('sub', '-');
export const mul = binarySpec('mul', '*');
export const div = binarySpec('div', '/');

// KernelSpec of argmaxRows: x [rows, cols] f32, exclude [rows, excludeCount] i32 -> out [rows] i32.
import type { KernelSpec } from '../kernel-spec';
import { ARGMAX_WORKGROUP, argmaxRowsWgsl } from './argmax.wgsl';

export const argmaxRows: KernelSpec = {
  name: 'argmaxRows',
  wgsl: () => argmaxRowsWgsl,
  inputs: [
    { name: 'x', type: 'f32' },
    { name: 'exclude', type: 'i32' },
  ],
  outputs: [{ name: 'out', type: 'i32' }],
  uniforms: [
    { name: 'rows', type: 'u32' },
    { name: 'cols', type: 'u32' },
    { name: 'excludeCount', type: 'u32' },
    { name: 'negativeInfinity', type: 'f32' },
  ],
  workgroupSize: [ARGMAX_WORKGROUP, 1, 1],
  dispatch: ({ rows = 0 }) => [rows, 1, 1],
  tolerance: { atol: 0, rtol: 0 },
};

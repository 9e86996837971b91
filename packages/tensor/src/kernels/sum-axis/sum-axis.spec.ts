// KernelSpec of sumAxis: x [outer, reduce, inner] -> y [outer, ceil(reduce/chunk), inner] written
// at element outOffset of y (the rest of y is left as it is).
import type { KernelSpec } from '../kernel-spec';
import { elementDispatch, WORKGROUP_SIZE } from '../wgsl';
import { sumAxisWgsl } from './sum-axis.wgsl';

const kernel = {
  inputs: [{ name: 'x', type: 'f32' }],
  outputs: [{ name: 'y', type: 'f32' }],
  uniforms: [
    { name: 'outer', type: 'u32' },
    { name: 'reduce', type: 'u32' },
    { name: 'inner', type: 'u32' },
    { name: 'chunk', type: 'u32' },
    { name: 'squared', type: 'u32' },
    { name: 'outOffset', type: 'u32' },
  ],
} as const;

const code = sumAxisWgsl(kernel);

export const sumAxis: KernelSpec = {
  name: 'sumAxis',
  ...kernel,
  wgsl: () => code,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => {
    const chunks = Math.ceil((u.reduce ?? 0) / Math.max(1, u.chunk ?? 1));
    return elementDispatch((u.outer ?? 0) * chunks * (u.inner ?? 0));
  },
  // f32 accumulation over up to a few thousand terms in a different order than the reference.
  tolerance: { atol: 1e-5, rtol: 1e-5 },
};

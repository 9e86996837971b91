// KernelSpecs of the element-wise math kernels: x [size] -> y [size].
import type { KernelSpec } from '../kernel-spec';
import { mapSpec } from '../map-spec';
import { affineWgsl, expWgsl, logWgsl, sqrtWgsl } from './unary.wgsl';

const unary = {
  inputs: [{ name: 'x', type: 'f32' }],
  outputs: [{ name: 'y', type: 'f32' }],
  uniforms: [{ name: 'size', type: 'u32' }],
} as const;

export const affine: KernelSpec = mapSpec(
  'affine',
  {
    ...unary,
    uniforms: [
      { name: 'size', type: 'u32' },
      { name: 'alpha', type: 'f32' },
      { name: 'beta', type: 'f32' },
    ],
  },
  affineWgsl,
  { atol: 1e-6, rtol: 1e-6 },
);
export const exp: KernelSpec = mapSpec('exp', unary, expWgsl, { atol: 1e-6, rtol: 1e-5 });
export const log: KernelSpec = mapSpec('log', unary, logWgsl, { atol: 1e-5, rtol: 1e-5 });
export const sqrt: KernelSpec = mapSpec('sqrt', unary, sqrtWgsl, { atol: 1e-6, rtol: 1e-5 });

// KernelSpec of dropout: x [size] -> y [size]; uniforms seed, threshold (p * 2^32), scale 1/(1-p).
import type { KernelSpec } from '../kernel-spec';
import { mapSpec } from '../map-spec';
import { dropoutHelpers, dropoutWgsl } from './dropout.wgsl';

export const dropout: KernelSpec = mapSpec(
  'dropout',
  {
    inputs: [{ name: 'x', type: 'f32' }],
    outputs: [{ name: 'y', type: 'f32' }],
    uniforms: [
      { name: 'size', type: 'u32' },
      { name: 'seed', type: 'u32' },
      { name: 'threshold', type: 'u32' },
      { name: 'scale', type: 'f32' },
    ],
  },
  dropoutWgsl,
  { atol: 1e-6, rtol: 1e-6 },
  dropoutHelpers,
);

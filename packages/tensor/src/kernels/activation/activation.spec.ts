// KernelSpecs of the activation kernels. Forward: x [size] -> y [size]; backward: (saved
// tensor, dy) [size] -> dx [size].
import type { KernelSpec } from '../kernel-spec';
import { mapSpec } from '../map-spec';
import { SAFE_TANH_WGSL } from '../wgsl';
import {
  geluBackwardWgsl,
  geluForwardWgsl,
  geluHelpers,
  reluBackwardWgsl,
  reluForwardWgsl,
  tanhBackwardWgsl,
  tanhForwardWgsl,
} from './activation.wgsl';

const size = [{ name: 'size', type: 'u32' }] as const;
const forward = {
  inputs: [{ name: 'x', type: 'f32' }],
  outputs: [{ name: 'y', type: 'f32' }],
  uniforms: size,
} as const;
const backwardOf = (saved: string) =>
  ({
    inputs: [
      { name: saved, type: 'f32' },
      { name: 'dy', type: 'f32' },
    ],
    outputs: [{ name: 'dx', type: 'f32' }],
    uniforms: size,
  }) as const;
const tolerance = { atol: 2e-6, rtol: 1e-5 };

export const geluForward: KernelSpec = mapSpec(
  'geluForward',
  forward,
  geluForwardWgsl,
  tolerance,
  geluHelpers,
);
export const geluBackward: KernelSpec = mapSpec(
  'geluBackward',
  backwardOf('x'),
  geluBackwardWgsl,
  tolerance,
  geluHelpers,
);
export const tanhForward: KernelSpec = mapSpec(
  'tanhForward',
  forward,
  tanhForwardWgsl,
  tolerance,
  SAFE_TANH_WGSL,
);
export const tanhBackward: KernelSpec = mapSpec(
  'tanhBackward',
  backwardOf('y'),
  tanhBackwardWgsl,
  tolerance,
);
export const reluForward: KernelSpec = mapSpec('reluForward', forward, reluForwardWgsl, tolerance);
export const reluBackward: KernelSpec = mapSpec(
  'reluBackward',
  backwardOf('x'),
  reluBackwardWgsl,
  tolerance,
);

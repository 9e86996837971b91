// KernelSpecs of the activation kernels. Forward: x [size] -> y [size]; backward: (saved
// tensor, dy) [size] -> dx [size].
import type { KernelSpec } from '../kernel-spec';
import { mapSpec } from '../map-spec';
import { SAFE_TANH_WGSL } from '../wgsl';
import {
  geluBackwardWgsl,
  geluExactBackwardWgsl,
  geluExactForwardWgsl,
  geluExactHelpers,
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
// The erfc approximation's fractional error (< 1.2e-7) is below f32's own rounding of the
// exponent's argument, so the exact GELU meets the same tolerance as the others (checked on
// x in [-20, 20] by the conformance test).
export const geluExactForward: KernelSpec = mapSpec(
  'geluExactForward',
  forward,
  geluExactForwardWgsl,
  tolerance,
  geluExactHelpers,
);
export const geluExactBackward: KernelSpec = mapSpec(
  'geluExactBackward',
  backwardOf('x'),
  geluExactBackwardWgsl,
  tolerance,
  geluExactHelpers,
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

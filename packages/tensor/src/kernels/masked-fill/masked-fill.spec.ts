// KernelSpec of maskedFillInt: x [size] i32, mask [size] i32 -> out [size] i32,
// out = mask != 0 ? value : x (one thread per element).
import type { KernelSpec } from '../kernel-spec';
import { mapSpec } from '../map-spec';

export const maskedFillInt: KernelSpec = mapSpec(
  'maskedFillInt',
  {
    inputs: [
      { name: 'x', type: 'i32' },
      { name: 'mask', type: 'i32' },
    ],
    outputs: [{ name: 'out', type: 'i32' }],
    uniforms: [
      { name: 'size', type: 'u32' },
      { name: 'value', type: 'i32' },
    ],
  },
  'select(x[i], u.value, mask[i] != 0)',
  { atol: 0, rtol: 0 },
);

// KernelSpecs of indexSelect (torch.index_select) and its scatter-add gradient.
// Forward:  x [outer, n, inner] (any 32-bit dtype), indices [count] i32 -> out [outer, count, inner]
// Backward: indices [count] i32, dOut [outer, count, inner] -> dx [outer, n, inner], ADDED to
//           dx's contents (a fresh allocate() is zero-filled).
import type { KernelSpec } from '../kernel-spec';
import { elementDispatch, WORKGROUP_SIZE } from '../wgsl';
import { indexSelectBackwardWgsl, indexSelectForwardWgsl } from './index-select.wgsl';

const uniforms = [
  { name: 'outer', type: 'u32' },
  { name: 'n', type: 'u32' },
  { name: 'count', type: 'u32' },
  { name: 'inner', type: 'u32' },
] as const;

const forward = {
  // u32: a bit-exact copy, so i32 tensors (token ids, beam indices) can be selected too.
  inputs: [
    { name: 'x', type: 'u32' },
    { name: 'indices', type: 'i32' },
  ],
  outputs: [{ name: 'out', type: 'u32' }],
  uniforms,
} as const;

const backward = {
  inputs: [
    { name: 'indices', type: 'i32' },
    { name: 'dOut', type: 'f32' },
  ],
  outputs: [{ name: 'dx', type: 'f32' }],
  uniforms,
} as const;

const forwardCode = indexSelectForwardWgsl(forward);
const backwardCode = indexSelectBackwardWgsl(backward);

export const indexSelectForward: KernelSpec = {
  name: 'indexSelectForward',
  ...forward,
  wgsl: () => forwardCode,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => elementDispatch((u.outer ?? 0) * (u.count ?? 0) * (u.inner ?? 0)),
  tolerance: { atol: 0, rtol: 0 },
};

export const indexSelectBackward: KernelSpec = {
  name: 'indexSelectBackward',
  ...backward,
  wgsl: () => backwardCode,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => elementDispatch((u.outer ?? 0) * (u.inner ?? 0)),
  // Same additions in the same order as the reference; only f32 rounding vs double differs.
  tolerance: { atol: 1e-6, rtol: 1e-6 },
};

// KernelSpecs of the embedding gather and scatter-add.
// Forward:  ids [rows] i32, table [vocab, cols] -> out [rows, cols]
// Backward: ids [rows] i32, dOut [rows, cols] -> dTable [vocab, cols], ADDED to dTable's
//           contents (a fresh allocate() is zero-filled).
import type { KernelSpec } from '../kernel-spec';
import { elementDispatch, WORKGROUP_SIZE } from '../wgsl';
import { embeddingBackwardWgsl, embeddingForwardWgsl } from './embedding.wgsl';

const uniforms = [
  { name: 'rows', type: 'u32' },
  { name: 'vocab', type: 'u32' },
  { name: 'cols', type: 'u32' },
] as const;

const forward = {
  inputs: [
    { name: 'ids', type: 'i32' },
    { name: 'table', type: 'f32' },
  ],
  outputs: [{ name: 'out', type: 'f32' }],
  uniforms,
} as const;

const backward = {
  inputs: [
    { name: 'ids', type: 'i32' },
    { name: 'dOut', type: 'f32' },
  ],
  outputs: [{ name: 'dTable', type: 'f32' }],
  uniforms,
} as const;

const forwardCode = embeddingForwardWgsl(forward);
const backwardCode = embeddingBackwardWgsl(backward);

export const embeddingForward: KernelSpec = {
  name: 'embeddingForward',
  ...forward,
  wgsl: () => forwardCode,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => elementDispatch((u.rows ?? 0) * (u.cols ?? 0)),
  tolerance: { atol: 0, rtol: 0 },
};

export const embeddingBackward: KernelSpec = {
  name: 'embeddingBackward',
  ...backward,
  wgsl: () => backwardCode,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => elementDispatch(u.cols ?? 0),
  tolerance: { atol: 1e-6, rtol: 1e-6 },
};

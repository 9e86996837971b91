// KernelSpecs of the embedding gather and scatter-add.
// Forward:  ids [rows] i32, table [vocab, cols] -> out [rows, cols]
// Backward: ids [rows] i32, dOut [rows, cols] -> dTable [vocab, cols], ADDED to dTable's
//           contents (a fresh allocate() is zero-filled).
// Sum:      ids [rows], positions [positionRows] i32, table [vocab, cols],
//           positionTable [positionVocab, cols] -> out [rows, cols] (inference: no backward)
import type { KernelSpec } from '../kernel-spec';
import { elementDispatch, WORKGROUP_SIZE } from '../wgsl';
import { embeddingBackwardWgsl, embeddingForwardWgsl, embeddingSumWgsl } from './embedding.wgsl';

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

const sum = {
  inputs: [
    { name: 'ids', type: 'i32' },
    { name: 'positions', type: 'i32' },
    { name: 'table', type: 'f32' },
    { name: 'positionTable', type: 'f32' },
  ],
  outputs: [{ name: 'out', type: 'f32' }],
  uniforms: [
    ...uniforms,
    { name: 'positionRows', type: 'u32' },
    { name: 'positionVocab', type: 'u32' },
  ],
} as const;

const forwardCode = embeddingForwardWgsl(forward);
const backwardCode = embeddingBackwardWgsl(backward);
const sumCode = embeddingSumWgsl(sum);

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

export const embeddingSum: KernelSpec = {
  name: 'embeddingSum',
  ...sum,
  wgsl: () => sumCode,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => elementDispatch((u.rows ?? 0) * (u.cols ?? 0)),
  // One f32 addition, as add() does it.
  tolerance: { atol: 0, rtol: 0 },
};

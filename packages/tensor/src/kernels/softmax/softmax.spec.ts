// KernelSpecs of the masked row softmax and its backward.
// Forward:  x [rows, cols], mask [B, cols] (any 1-element buffer when hasMask = 0) -> y [rows, cols]
//           rows = B * heads * queryLen; row r is query q = r % queryLen of batch r / (heads*queryLen)
// Backward: y [rows, cols], dy [rows, cols] -> dx [rows, cols]
import type { KernelSpec } from '../kernel-spec';
import { workgroupPerRow } from '../row-reduce';
import { elementDispatch, tiledDispatch, WORKGROUP_SIZE } from '../wgsl';
import { maskedSoftmaxBackwardWgsl, maskedSoftmaxForwardWgsl } from './softmax.wgsl';
import {
  maskedSoftmaxBackwardGroupWgsl,
  maskedSoftmaxForwardGroupWgsl,
} from './softmax-workgroup.wgsl';

const forward = {
  inputs: [
    { name: 'x', type: 'f32' },
    { name: 'mask', type: 'f32' },
  ],
  outputs: [{ name: 'y', type: 'f32' }],
  uniforms: [
    { name: 'rows', type: 'u32' },
    { name: 'cols', type: 'u32' },
    { name: 'queryLen', type: 'u32' },
    { name: 'heads', type: 'u32' },
    { name: 'divisor', type: 'f32' },
    { name: 'causal', type: 'u32' },
    { name: 'hasMask', type: 'u32' },
  ],
} as const;

const backward = {
  inputs: [
    { name: 'y', type: 'f32' },
    { name: 'dy', type: 'f32' },
  ],
  outputs: [{ name: 'dx', type: 'f32' }],
  uniforms: [
    { name: 'rows', type: 'u32' },
    { name: 'cols', type: 'u32' },
    { name: 'queryLen', type: 'u32' },
    { name: 'divisor', type: 'f32' },
    { name: 'causal', type: 'u32' },
  ],
} as const;

const forwardCode = maskedSoftmaxForwardWgsl(forward);
const backwardCode = maskedSoftmaxBackwardWgsl(backward);
const forwardGroupCode = maskedSoftmaxForwardGroupWgsl(forward);
const backwardGroupCode = maskedSoftmaxBackwardGroupWgsl(backward);

// Constant workgroupPerRow = 1 (row-reduce.ts): one workgroup per row instead of one thread.
const rowDispatch = (
  u: Readonly<Record<string, number>>,
  constants: Readonly<Record<string, number>>,
): [number, number, number] =>
  workgroupPerRow(constants) ? tiledDispatch(u.rows ?? 0) : elementDispatch(u.rows ?? 0);

export const maskedSoftmaxForward: KernelSpec = {
  name: 'maskedSoftmaxForward',
  ...forward,
  wgsl: (constants) => (workgroupPerRow(constants) ? forwardGroupCode : forwardCode),
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: rowDispatch,
  tolerance: { atol: 1e-6, rtol: 1e-5 },
};

export const maskedSoftmaxBackward: KernelSpec = {
  name: 'maskedSoftmaxBackward',
  ...backward,
  wgsl: (constants) => (workgroupPerRow(constants) ? backwardGroupCode : backwardCode),
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: rowDispatch,
  tolerance: { atol: 1e-6, rtol: 1e-5 },
};

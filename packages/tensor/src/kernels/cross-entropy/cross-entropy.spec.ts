// KernelSpecs of the fused softmax cross-entropy.
// Forward:  logits [rows, cols], labels [rows] i32 -> loss [rows] (0 if ignored), logSumExp [rows]
// Reduce:   loss [rows], labels [rows] -> out [1] (mean over counted rows, or sum), count [1]
// Backward: logits, labels, logSumExp, dOut [1], count [1] -> dLogits [rows, cols]
import type { KernelSpec } from '../kernel-spec';
import { elementDispatch, tiledDispatch, WORKGROUP_SIZE } from '../wgsl';
import {
  crossEntropyBackwardWgsl,
  crossEntropyForwardWgsl,
  crossEntropyReduceWgsl,
} from './cross-entropy.wgsl';

const f32 = (name: string) => ({ name, type: 'f32' }) as const;
const labels = { name: 'labels', type: 'i32' } as const;
const uniforms = [
  { name: 'rows', type: 'u32' },
  { name: 'cols', type: 'u32' },
  { name: 'ignoreIndex', type: 'i32' },
] as const;
const withMean = [...uniforms, { name: 'mean', type: 'u32' }] as const;

const forward = {
  inputs: [f32('logits'), labels],
  outputs: [f32('loss'), f32('logSumExp')],
  uniforms,
} as const;
const reduce = {
  inputs: [f32('loss'), labels],
  outputs: [f32('out'), f32('count')],
  uniforms: withMean,
} as const;
const backward = {
  inputs: [f32('logits'), labels, f32('logSumExp'), f32('dOut'), f32('count')],
  outputs: [f32('dLogits')],
  uniforms: withMean,
} as const;

const codes = {
  forward: crossEntropyForwardWgsl(forward),
  reduce: crossEntropyReduceWgsl(reduce),
  backward: crossEntropyBackwardWgsl(backward),
};

export const crossEntropyForward: KernelSpec = {
  name: 'crossEntropyForward',
  ...forward,
  wgsl: () => codes.forward,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => tiledDispatch(u.rows ?? 0),
  tolerance: { atol: 1e-5, rtol: 1e-5 },
};

export const crossEntropyReduce: KernelSpec = {
  name: 'crossEntropyReduce',
  ...reduce,
  wgsl: () => codes.reduce,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: () => [1, 1, 1],
  tolerance: { atol: 1e-5, rtol: 1e-5 },
};

export const crossEntropyBackward: KernelSpec = {
  name: 'crossEntropyBackward',
  ...backward,
  wgsl: () => codes.backward,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: (u) => elementDispatch((u.rows ?? 0) * (u.cols ?? 0)),
  tolerance: { atol: 1e-6, rtol: 1e-5 },
};

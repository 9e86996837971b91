// KernelSpec of beamCandidates: logits [rows * beams, cols], beamScores [rows * beams], exclude
// [rows * beams, excludeCount] -> scores, flat [rows, count]; `count` is also a constant.
import type { KernelSpec } from '../kernel-spec';
import { WORKGROUP_SIZE } from '../wgsl';
import { beamCandidatesWgsl } from './beam-candidates.wgsl';

const bindings = {
  inputs: [
    { name: 'logits', type: 'f32' },
    { name: 'beamScores', type: 'f32' },
    { name: 'exclude', type: 'i32' },
  ],
  outputs: [
    { name: 'scores', type: 'f32' },
    { name: 'flat', type: 'i32' },
  ],
  uniforms: [
    { name: 'rows', type: 'u32' },
    { name: 'beams', type: 'u32' },
    { name: 'cols', type: 'u32' },
    { name: 'excludeCount', type: 'u32' },
    { name: 'count', type: 'u32' },
    { name: 'negativeInfinity', type: 'f32' },
  ],
} as const;

export const beamCandidates: KernelSpec = {
  name: 'beamCandidates',
  wgsl: (constants) => beamCandidatesWgsl(bindings, constants),
  ...bindings,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: ({ rows = 0 }) => [rows, 1, 1],
  // log_softmax's sum in f32 (the reference sums in double): scores agree to a few ulps.
  tolerance: { atol: 2e-5, rtol: 1e-5 },
};

// KernelSpec of blockTail: a [M, C] (the merged attention heads), x [M, C] (the residual
// stream), wo [C, C], bo [C], lnWeight, lnBias [C], w1 [C, F], b1 [F], w2 [F, C], b2 [C] ->
// y [M, C] (blockTail.wgsl.ts). Uniforms M, C, F, eps; constants `channels` and `hidden` (the
// workgroup arrays' capacities, blockTailCapacity of C and F) and `activation`
// (MATMUL_ACTIVATIONS; 0 = none). One workgroup per row.
import type { KernelSpec } from '../kernel-spec';
import { BLOCK_TAIL_LANES, blockTailWgsl } from './block-tail.wgsl';

const f32 = (name: string) => ({ name, type: 'f32' }) as const;
const matrix = (name: string) => ({ name, type: 'vec4f' }) as const;

const kernel = {
  inputs: [
    f32('a'),
    f32('x'),
    matrix('wo'),
    f32('bo'),
    f32('lnWeight'),
    f32('lnBias'),
    matrix('w1'),
    f32('b1'),
    matrix('w2'),
    f32('b2'),
  ],
  outputs: [f32('y')],
  uniforms: [
    { name: 'M', type: 'u32' },
    { name: 'C', type: 'u32' },
    { name: 'F', type: 'u32' },
    { name: 'eps', type: 'f32' },
  ],
} as const;

export const blockTail: KernelSpec = {
  name: 'blockTail',
  ...kernel,
  wgsl: (constants) => blockTailWgsl(kernel, constants),
  workgroupSize: [BLOCK_TAIL_LANES, 1, 1],
  dispatch: ({ M = 0 }) => (M === 0 ? [0, 0, 0] : [M, 1, 1]),
  // Three matmulBias roundings and a layer norm's, chained (sums of up to a few thousand terms).
  tolerance: { atol: 3e-4, rtol: 3e-4 },
};

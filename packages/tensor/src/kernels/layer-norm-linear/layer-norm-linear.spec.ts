// KernelSpec of layerNormLinear: x [M, K], lnWeight, lnBias [K], w [K, N], bias [N] ->
// y [M, N] = act(LN(x) @ w + bias), for M <= LAYER_NORM_LINEAR_MAX_ROWS. Constants: `rows`
// (layerNormLinearRows(M)) and `activation` (MATMUL_ACTIVATIONS; 0 = none).
import type { KernelSpec } from '../kernel-spec';
import { layerNormLinearLanes, layerNormLinearWgsl } from './layer-norm-linear.wgsl';

const f32 = (name: string) => ({ name, type: 'f32' }) as const;

const kernel = {
  inputs: [f32('x'), f32('lnWeight'), f32('lnBias'), { name: 'w', type: 'vec4f' }, f32('bias')],
  outputs: [f32('y')],
  uniforms: [
    { name: 'M', type: 'u32' },
    { name: 'N', type: 'u32' },
    { name: 'K', type: 'u32' },
    { name: 'eps', type: 'f32' },
  ],
} as const;

export const layerNormLinear: KernelSpec = {
  name: 'layerNormLinear',
  ...kernel,
  wgsl: (constants) => layerNormLinearWgsl(kernel, constants),
  // One subgroup where the device has a fixed subgroup size (layerNormLinearLanes); lavapipe's here.
  workgroupSize: [8, 1, 1],
  dispatch: ({ M = 0, N = 0 }, constants) =>
    M * N === 0 ? [0, 0, 0] : [Math.ceil(Math.ceil(N / 4) / layerNormLinearLanes(constants)), 1, 1],
  // layerNormForward's and matmulBias's roundings together (sums of up to a few thousand terms).
  tolerance: { atol: 2e-4, rtol: 2e-4 },
};

// KernelSpec of decodeAttention: q [B, H, 1, D], key, value [B, H, S, D], mask [B, S] (read only
// with hasMask) -> out [B, H, 1, D]. The `headSize` constant (D, a multiple of 4) and the device's
// subgroup size build the shader; one workgroup per (row, head).
import { InternalError } from '@prefixkit/errors';
import type { KernelSpec } from '../kernel-spec';
import { tiledDispatch } from '../wgsl';
import { decodeAttentionLanes, decodeAttentionWgsl } from './decode-attention.wgsl';

const kernel = {
  inputs: [
    { name: 'q', type: 'vec4f' },
    { name: 'key', type: 'vec4f' },
    { name: 'value', type: 'vec4f' },
    { name: 'mask', type: 'f32' },
  ],
  outputs: [{ name: 'out', type: 'vec4f' }],
  uniforms: [
    { name: 'batch', type: 'u32' },
    { name: 'heads', type: 'u32' },
    { name: 'positions', type: 'u32' },
    { name: 'divisor', type: 'f32' },
    { name: 'hasMask', type: 'u32' },
  ],
} as const;

export const decodeAttention: KernelSpec = {
  name: 'decodeAttention',
  ...kernel,
  wgsl: (constants) => {
    const headSize = constants.headSize ?? 0;
    if (headSize <= 0 || headSize % 4 !== 0)
      throw new InternalError(
        `decodeAttention constant headSize: a multiple of 4, got ${headSize}`,
      );
    return decodeAttentionWgsl(kernel, headSize, decodeAttentionLanes(constants.subgroupSize));
  },
  // One subgroup's width where the device has a fixed one (decodeAttentionLanes); lavapipe's here.
  workgroupSize: [8, 1, 1],
  dispatch: ({ batch = 0, heads = 0 }) =>
    batch * heads === 0 ? [0, 0, 0] : tiledDispatch(batch * heads),
  // One step's softmax and weighted sum in f32, summed in another order than the reference.
  tolerance: { atol: 1e-5, rtol: 1e-4 },
};

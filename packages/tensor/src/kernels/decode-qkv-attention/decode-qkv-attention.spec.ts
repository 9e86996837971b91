// KernelSpec of decodeQkvAttention: qkv [B, 1, 3C], pastKey, pastValue [pastRows, H, P, D]
// (unread when P = 0), pastRowOf [B] (read with pastIndexed), mask [B, P + 1] (read with hasMask)
// -> out [B, H, 1, D], key, value [B, H, P + 1, D]. The `headSize` constant (D, a multiple of 4)
// and the device's subgroup size build the shader; one workgroup per (row, head).
import { InternalError } from '@prefixkit/errors';
import { decodeAttentionLanes } from '../decode-attention/decode-attention.wgsl';
import type { KernelSpec } from '../kernel-spec';
import { tiledDispatch } from '../wgsl';
import { decodeQkvAttentionWgsl } from './decode-qkv-attention.wgsl';

const kernel = {
  inputs: [
    { name: 'qkv', type: 'vec4f' },
    { name: 'pastKey', type: 'vec4f' },
    { name: 'pastValue', type: 'vec4f' },
    { name: 'pastRowOf', type: 'i32' },
    { name: 'mask', type: 'f32' },
  ],
  outputs: [
    { name: 'out', type: 'vec4f' },
    { name: 'key', type: 'vec4f' },
    { name: 'value', type: 'vec4f' },
  ],
  uniforms: [
    { name: 'batch', type: 'u32' },
    { name: 'heads', type: 'u32' },
    { name: 'past', type: 'u32' },
    { name: 'pastRows', type: 'u32' },
    { name: 'pastIndexed', type: 'u32' },
    { name: 'divisor', type: 'f32' },
    { name: 'hasMask', type: 'u32' },
  ],
} as const;

export const decodeQkvAttention: KernelSpec = {
  name: 'decodeQkvAttention',
  ...kernel,
  wgsl: (constants) => {
    const headSize = constants.headSize ?? 0;
    if (headSize <= 0 || headSize % 4 !== 0)
      throw new InternalError(
        `decodeQkvAttention constant headSize: a multiple of 4, got ${headSize}`,
      );
    return decodeQkvAttentionWgsl(kernel, headSize, decodeAttentionLanes(constants.subgroupSize));
  },
  // One subgroup's width where the device has a fixed one; lavapipe's here.
  workgroupSize: [8, 1, 1],
  dispatch: ({ batch = 0, heads = 0 }) =>
    batch * heads === 0 ? [0, 0, 0] : tiledDispatch(batch * heads),
  // decodeAttention's: one step's softmax and weighted sum in f32; the copies are exact.
  tolerance: { atol: 1e-5, rtol: 1e-4 },
};

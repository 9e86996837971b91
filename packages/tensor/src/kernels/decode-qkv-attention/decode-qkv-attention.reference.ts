// CPU reference of decodeQkvAttention: qkvHeads for one new token (the cache key, value and q),
// then decodeAttention of q over that cache; what the two kernels compute one after the other.
import { InternalError } from '@prefixkit/errors';
import type { CpuKernel } from '../cpu-kernel';
import { decodeAttentionReference } from '../decode-attention/decode-attention.reference';
import { qkvHeadsReference } from '../qkv-heads/qkv-heads.reference';

export const decodeQkvAttentionReference: CpuKernel = (
  inputs,
  outputs,
  uniforms,
  constants = {},
) => {
  const [qkv, pastKey, pastValue, pastRowOf, mask] = inputs;
  const [out, key, value] = outputs;
  if (!qkv || !pastKey || !pastValue || !pastRowOf || !mask || !out || !key || !value)
    throw new InternalError(
      'decodeQkvAttention: needs qkv, pastKey, pastValue, pastRowOf, mask, out, key, value',
    );
  const { batch = 0, heads = 0, past = 0, pastRows = 1, pastIndexed = 0 } = uniforms;
  const headSize = constants.headSize ?? 0;
  const size = batch * heads * headSize;
  const q = out instanceof Float64Array ? new Float64Array(size) : new Float32Array(size);
  qkvHeadsReference([qkv, pastKey, pastValue, pastRowOf], [q, key, value], {
    batch,
    heads,
    tokens: 1,
    headSize,
    past,
    pastRows,
    pastIndexed,
  });
  decodeAttentionReference(
    [q, key, value, mask],
    [out],
    {
      batch,
      heads,
      positions: past + 1,
      divisor: uniforms.divisor ?? 1,
      hasMask: uniforms.hasMask ?? 0,
    },
    { headSize },
  );
};

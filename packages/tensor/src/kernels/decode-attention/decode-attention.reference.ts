// CPU reference of decodeAttention (see decode-attention.wgsl.ts): per (row, head), the scores
// of the one query over S positions (finfo.min where the mask is 0), their softmax and the
// weighted sum of the values, in double; what attention() computes for T = 1.
import { assert } from '@prefixkit/errors';
import type { CpuKernel } from '../cpu-kernel';
import { F32_MIN } from '../wgsl';

export const decodeAttentionReference: CpuKernel = (inputs, outputs, uniforms, constants = {}) => {
  const [q, key, value, mask] = inputs;
  const [out] = outputs;
  assert(q && key && value && mask && out, () => 'decodeAttention: needs q, key, value, mask, out');
  const { batch = 0, heads = 0, positions = 0, divisor = 1, hasMask = 0 } = uniforms;
  const D = constants.headSize ?? 0;
  const scores = new Float64Array(positions);
  for (let pair = 0; pair < batch * heads; pair++) {
    const b = Math.floor(pair / heads);
    let best = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < positions; j++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += q[pair * D + d]! * key[(pair * positions + j) * D + d]!;
      const masked = hasMask === 1 && mask[b * positions + j]! < 0.5;
      scores[j] = masked ? F32_MIN : dot / divisor;
      best = Math.max(best, scores[j]!);
    }
    let sum = 0;
    for (let j = 0; j < positions; j++) {
      scores[j] = Math.exp(scores[j]! - best);
      sum += scores[j]!;
    }
    for (let d = 0; d < D; d++) {
      let o = 0;
      for (let j = 0; j < positions; j++) o += scores[j]! * value[(pair * positions + j) * D + d]!;
      out[pair * D + d] = o / sum;
    }
  }
};

// CPU references of the masked row softmax (semantics in softmax.wgsl.ts).
// Forward:  x [rows, cols], mask [B, cols] -> y [rows, cols];  Backward: y, dy -> dx [rows, cols]
import type { CpuKernel } from '../cpu-kernel';
import { F32_MIN } from '../wgsl';

export const maskedSoftmaxForwardReference: CpuKernel = ([x, mask], [y], u) => {
  const { rows = 0, cols = 0, queryLen = 1, heads = 1, divisor = 1, causal = 0, hasMask = 0 } = u;
  const scores = new Float64Array(cols);
  const excluded = new Uint8Array(cols);
  for (let r = 0; r < rows; r++) {
    const limit = cols - queryLen + (r % queryLen);
    const b = Math.floor(r / (queryLen * heads));
    let max = F32_MIN;
    for (let j = 0; j < cols; j++) {
      const causalMasked = causal === 1 && j > limit;
      const maskMasked = hasMask === 1 && mask![b * cols + j]! < 0.5;
      excluded[j] = causalMasked && maskMasked ? 1 : 0;
      scores[j] = causalMasked || maskMasked ? F32_MIN : x![r * cols + j]! / divisor;
      if (!excluded[j]) max = Math.max(max, scores[j]!);
    }
    let total = 0;
    for (let j = 0; j < cols; j++) {
      scores[j] = excluded[j] ? 0 : Math.exp(scores[j]! - max);
      total += scores[j]!;
    }
    for (let j = 0; j < cols; j++) y![r * cols + j] = scores[j]! / total;
  }
};

export const maskedSoftmaxBackwardReference: CpuKernel = ([y, dy], [dx], u) => {
  const { rows = 0, cols = 0, queryLen = 1, divisor = 1, causal = 0 } = u;
  for (let r = 0; r < rows; r++) {
    const limit = cols - queryLen + (r % queryLen);
    const base = r * cols;
    let dot = 0;
    for (let j = 0; j < cols; j++) dot += y![base + j]! * dy![base + j]!;
    for (let j = 0; j < cols; j++) {
      const masked = causal === 1 && j > limit;
      dx![base + j] = masked ? 0 : (y![base + j]! * (dy![base + j]! - dot)) / divisor;
    }
  }
};

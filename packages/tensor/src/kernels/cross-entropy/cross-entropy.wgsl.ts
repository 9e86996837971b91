// Fused softmax + cross-entropy (llm.c crossentropy_softmax_backward), with ignore_index and
// labels outside [0, vocab) counted as ignored. Forward: one 64-lane workgroup per row, an
// online max/sum-exp per lane (one pass over the row) merged by a tree of barriers. Reduce: one
// workgroup sums the row losses and counts the counted rows. Backward: one thread per logit,
// recomputing softmax from the saved log-sum-exp: d = (softmax - onehot) * dLoss / count.
import { declareBindings, F32_MIN_WGSL, type KernelInterface, MAIN_1D, MAIN_GROUP } from '../wgsl';

const counted = `fn counted(label: i32) -> bool {
  return label != u.ignoreIndex && label >= 0 && u32(label) < u.cols;
}`;

export function crossEntropyForwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${counted}
var<workgroup> lane_max: array<f32, 64>;
var<workgroup> lane_sum: array<f32, 64>;
${MAIN_GROUP}
  if (group >= u.rows) { return; }
  let base = group * u.cols;
  var m = ${F32_MIN_WGSL};
  var s = 0.0;
  for (var j = lid; j < u.cols; j = j + 64u) {
    let v = logits[base + j];
    if (v > m) { s = s * exp(m - v); m = v; }
    s = s + exp(v - m);
  }
  lane_max[lid] = m;
  lane_sum[lid] = s;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride = stride >> 1u) {
    if (lid < stride) {
      let m1 = lane_max[lid];
      let m2 = lane_max[lid + stride];
      let mm = max(m1, m2);
      lane_sum[lid] = lane_sum[lid] * exp(m1 - mm) + lane_sum[lid + stride] * exp(m2 - mm);
      lane_max[lid] = mm;
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let lse = lane_max[0] + log(lane_sum[0]);
    let label = labels[group];
    var l = 0.0;
    if (counted(label)) { l = lse - logits[base + u32(label)]; }
    loss[group] = l;
    logSumExp[group] = lse;
  }
}
`;
}

export function crossEntropyReduceWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${counted}
var<workgroup> lane_loss: array<f32, 64>;
var<workgroup> lane_count: array<f32, 64>;
${MAIN_GROUP}
  var l = 0.0;
  var n = 0.0;
  for (var r = lid; r < u.rows; r = r + 64u) {
    if (counted(labels[r])) { l = l + loss[r]; n = n + 1.0; }
  }
  lane_loss[lid] = l;
  lane_count[lid] = n;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride = stride >> 1u) {
    if (lid < stride) {
      lane_loss[lid] = lane_loss[lid] + lane_loss[lid + stride];
      lane_count[lid] = lane_count[lid] + lane_count[lid + stride];
    }
    workgroupBarrier();
  }
  if (lid == 0u && group == 0u) {
    count[0] = lane_count[0];
    out[0] = select(lane_loss[0], lane_loss[0] / lane_count[0], u.mean == 1u);
  }
}
`;
}

export function crossEntropyBackwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${counted}
${MAIN_1D}
  if (i >= u.rows * u.cols) { return; }
  let row = i / u.cols;
  let label = labels[row];
  if (!counted(label)) { dLogits[i] = 0.0; return; }
  let scale = select(dOut[0], dOut[0] / count[0], u.mean == 1u);
  let p = exp(logits[i] - logSumExp[row]);
  let onehot = select(0.0, 1.0, u32(label) == i % u.cols);
  dLogits[i] = (p - onehot) * scale;
}
`;
}

// Row softmax with GPT-2's attention masking folded in (HF GPT2Attention._attn, REFERENCE-SPEC):
// s_j = x_j / divisor; causal (j > past + q) replaces s_j by finfo.min; a zero in the attention
// mask [B, cols] adds finfo.min, which in f32 leaves finfo.min; both together overflow to -inf,
// i.e. the column is excluded. With causal = hasMask = 0 and divisor = 1 this is plain softmax.
// One thread per row, three passes (max, sum, write): no barriers.
import { declareBindings, F32_MIN_WGSL, type KernelInterface, MAIN_1D } from '../wgsl';

const rowHelpers = `const F32_MIN: f32 = ${F32_MIN_WGSL};
fn causal_masked(j: u32, limit: u32) -> bool { return u.causal == 1u && j > limit; }`;

export function maskedSoftmaxForwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${rowHelpers}
fn mask_masked(b: u32, j: u32) -> bool { return u.hasMask == 1u && mask[b * u.cols + j] < 0.5; }
${MAIN_1D}
  if (i >= u.rows) { return; }
  let q = i % u.queryLen;
  let b = i / (u.queryLen * u.heads);
  let limit = u.cols - u.queryLen + q;
  let base = i * u.cols;
  var m = F32_MIN;
  for (var j = 0u; j < u.cols; j = j + 1u) {
    let cm = causal_masked(j, limit);
    let mm = mask_masked(b, j);
    if (cm && mm) { continue; }
    m = max(m, select(x[base + j] / u.divisor, F32_MIN, cm || mm));
  }
  var total = 0.0;
  for (var j = 0u; j < u.cols; j = j + 1u) {
    let cm = causal_masked(j, limit);
    let mm = mask_masked(b, j);
    var e = 0.0;
    if (!(cm && mm)) { e = exp(select(x[base + j] / u.divisor, F32_MIN, cm || mm) - m); }
    y[base + j] = e;
    total = total + e;
  }
  let inv = 1.0 / total;
  for (var j = 0u; j < u.cols; j = j + 1u) { y[base + j] = y[base + j] * inv; }
}
`;
}

/** dx_j = y_j (dy_j - sum_k y_k dy_k) / divisor; 0 where causal replaced the score (torch.where). */
export function maskedSoftmaxBackwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${rowHelpers}
${MAIN_1D}
  if (i >= u.rows) { return; }
  let limit = u.cols - u.queryLen + i % u.queryLen;
  let base = i * u.cols;
  var dot = 0.0;
  for (var j = 0u; j < u.cols; j = j + 1u) { dot = dot + y[base + j] * dy[base + j]; }
  for (var j = 0u; j < u.cols; j = j + 1u) {
    let g = y[base + j] * (dy[base + j] - dot) / u.divisor;
    dx[base + j] = select(g, 0.0, causal_masked(j, limit));
  }
}
`;
}

// Workgroup-per-row variants of the masked softmax kernels (same semantics and bindings as
// softmax.wgsl.ts; selected by the `workgroupPerRow` constant, see row-reduce.ts). Each lane
// handles columns lid, lid + 64, ...; max, sum and the backward's dot product are combined
// across lanes with row_max / row_sum.
import { laneLoop, ROW_REDUCE_WGSL } from '../row-reduce';
import { declareBindings, F32_MIN_WGSL, type KernelInterface, MAIN_GROUP } from '../wgsl';

const rowHelpers = `const F32_MIN: f32 = ${F32_MIN_WGSL};
fn causal_masked(j: u32, limit: u32) -> bool { return u.causal == 1u && j > limit; }
${ROW_REDUCE_WGSL}`;

export function maskedSoftmaxForwardGroupWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${rowHelpers}
fn mask_masked(b: u32, j: u32) -> bool { return u.hasMask == 1u && mask[b * u.cols + j] < 0.5; }
${MAIN_GROUP}
  if (group >= u.rows) { return; }
  let q = group % u.queryLen;
  let b = group / (u.queryLen * u.heads);
  let limit = u.cols - u.queryLen + q;
  let base = group * u.cols;
  var m = F32_MIN;
  ${laneLoop('j', 'u.cols')} {
    let cm = causal_masked(j, limit);
    let mm = mask_masked(b, j);
    if (cm && mm) { continue; }
    m = max(m, select(x[base + j] / u.divisor, F32_MIN, cm || mm));
  }
  let rowMax = row_max(lid, m);
  var partial = 0.0;
  ${laneLoop('j', 'u.cols')} {
    let cm = causal_masked(j, limit);
    let mm = mask_masked(b, j);
    var e = 0.0;
    if (!(cm && mm)) { e = exp(select(x[base + j] / u.divisor, F32_MIN, cm || mm) - rowMax); }
    y[base + j] = e;
    partial = partial + e;
  }
  let inv = 1.0 / row_sum(lid, partial);
  ${laneLoop('j', 'u.cols')} { y[base + j] = y[base + j] * inv; }
}
`;
}

export function maskedSoftmaxBackwardGroupWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${rowHelpers}
${MAIN_GROUP}
  if (group >= u.rows) { return; }
  let limit = u.cols - u.queryLen + group % u.queryLen;
  let base = group * u.cols;
  var partial = 0.0;
  ${laneLoop('j', 'u.cols')} { partial = partial + y[base + j] * dy[base + j]; }
  let dot = row_sum(lid, partial);
  ${laneLoop('j', 'u.cols')} {
    let g = y[base + j] * (dy[base + j] - dot) / u.divisor;
    dx[base + j] = select(g, 0.0, causal_masked(j, limit));
  }
}
`;
}

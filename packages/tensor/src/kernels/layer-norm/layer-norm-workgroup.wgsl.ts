// Workgroup-per-row variants of the layer norm forward and dx backward (same semantics and
// bindings as layer-norm.wgsl.ts; selected by the `workgroupPerRow` constant, see
// row-reduce.ts). Lanes stride over the columns; row sums go through row_sum. The
// weight/bias gradient keeps its thread-per-column kernel (already parallel over C).
import { laneLoop, ROW_REDUCE_WGSL } from '../row-reduce';
import { declareBindings, type KernelInterface, MAIN_GROUP } from '../wgsl';

export function layerNormForwardGroupWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${ROW_REDUCE_WGSL}
${MAIN_GROUP}
  if (group >= u.rows) { return; }
  let base = group * u.cols;
  let n = f32(u.cols);
  var partial = 0.0;
  ${laneLoop('c', 'u.cols')} { partial = partial + x[base + c]; }
  let m = row_sum(lid, partial) / n;
  var sq = 0.0;
  ${laneLoop('c', 'u.cols')} { let d = x[base + c] - m; sq = sq + d * d; }
  let r = 1.0 / sqrt(row_sum(lid, sq) / n + u.eps);
  ${laneLoop('c', 'u.cols')} { y[base + c] = (x[base + c] - m) * r * w[c] + b[c]; }
  if (lid == 0u) {
    mean[group] = m;
    rstd[group] = r;
  }
}
`;
}

export function layerNormBackwardGroupWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${ROW_REDUCE_WGSL}
${MAIN_GROUP}
  if (group >= u.rows) { return; }
  let base = group * u.cols;
  let m = mean[group];
  let r = rstd[group];
  var partialG = 0.0;
  var partialGX = 0.0;
  ${laneLoop('c', 'u.cols')} {
    let g = dy[base + c] * w[c];
    partialG = partialG + g;
    partialGX = partialGX + g * (x[base + c] - m) * r;
  }
  let meanG = row_sum(lid, partialG) / f32(u.cols);
  let meanGX = row_sum(lid, partialGX) / f32(u.cols);
  ${laneLoop('c', 'u.cols')} {
    let xhat = (x[base + c] - m) * r;
    dx[base + c] = r * (dy[base + c] * w[c] - meanG - xhat * meanGX);
  }
}
`;
}

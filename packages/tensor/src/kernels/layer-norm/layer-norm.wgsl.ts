// Fused layer norm (llm.c layernorm_forward / layernorm_backward), one thread per row, no
// barriers. Forward saves mean and rstd for the backward. The weight/bias gradients are a
// separate kernel with one thread per column (a column sum over rows needs no atomics then).
//   y = (x - mean) * rstd * w + b,   rstd = 1 / sqrt(var_biased + eps)
//   dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)),  dxhat = dy * w
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function layerNormForwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.rows) { return; }
  let base = i * u.cols;
  let n = f32(u.cols);
  var sum = 0.0;
  for (var c = 0u; c < u.cols; c = c + 1u) { sum = sum + x[base + c]; }
  let m = sum / n;
  var sq = 0.0;
  for (var c = 0u; c < u.cols; c = c + 1u) { let d = x[base + c] - m; sq = sq + d * d; }
  let r = 1.0 / sqrt(sq / n + u.eps);
  for (var c = 0u; c < u.cols; c = c + 1u) { y[base + c] = (x[base + c] - m) * r * w[c] + b[c]; }
  mean[i] = m;
  rstd[i] = r;
}
`;
}

export function layerNormBackwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.rows) { return; }
  let base = i * u.cols;
  let m = mean[i];
  let r = rstd[i];
  var meanG = 0.0;
  var meanGX = 0.0;
  for (var c = 0u; c < u.cols; c = c + 1u) {
    let g = dy[base + c] * w[c];
    meanG = meanG + g;
    meanGX = meanGX + g * (x[base + c] - m) * r;
  }
  meanG = meanG / f32(u.cols);
  meanGX = meanGX / f32(u.cols);
  for (var c = 0u; c < u.cols; c = c + 1u) {
    let xhat = (x[base + c] - m) * r;
    dx[base + c] = r * (dy[base + c] * w[c] - meanG - xhat * meanGX);
  }
}
`;
}

export function layerNormParamsBackwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.cols) { return; }
  var gw = 0.0;
  var gb = 0.0;
  for (var row = 0u; row < u.rows; row = row + 1u) {
    let g = dy[row * u.cols + i];
    gw = gw + g * (x[row * u.cols + i] - mean[row]) * rstd[row];
    gb = gb + g;
  }
  dw[i] = gw;
  db[i] = gb;
}
`;
}

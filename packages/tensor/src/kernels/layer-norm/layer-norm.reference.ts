// CPU references of the fused layer norm (llm.c layernorm_forward / layernorm_backward).
// Forward:        x [rows, cols], w [cols], b [cols] -> y [rows, cols], mean [rows], rstd [rows]
// Backward:       dy, x [rows, cols], w [cols], mean, rstd [rows] -> dx [rows, cols]
// ParamsBackward: dy, x [rows, cols], mean, rstd [rows] -> dw [cols], db [cols]
import type { CpuKernel } from '../cpu-kernel';

export const layerNormForwardReference: CpuKernel = ([x, w, b], [y, mean, rstd], u) => {
  const { rows = 0, cols = 0, eps = 1e-5 } = u;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += x![base + c]!;
    const m = sum / cols;
    let sq = 0;
    for (let c = 0; c < cols; c++) sq += (x![base + c]! - m) ** 2;
    const s = 1 / Math.sqrt(sq / cols + eps);
    for (let c = 0; c < cols; c++) y![base + c] = (x![base + c]! - m) * s * w![c]! + b![c]!;
    mean![r] = m;
    rstd![r] = s;
  }
};

export const layerNormBackwardReference: CpuKernel = ([dy, x, w, mean, rstd], [dx], u) => {
  const { rows = 0, cols = 0 } = u;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const m = mean![r]!;
    const s = rstd![r]!;
    let meanG = 0;
    let meanGX = 0;
    for (let c = 0; c < cols; c++) {
      const g = dy![base + c]! * w![c]!;
      meanG += g;
      meanGX += g * (x![base + c]! - m) * s;
    }
    meanG /= cols;
    meanGX /= cols;
    for (let c = 0; c < cols; c++) {
      const xhat = (x![base + c]! - m) * s;
      dx![base + c] = s * (dy![base + c]! * w![c]! - meanG - xhat * meanGX);
    }
  }
};

export const layerNormParamsBackwardReference: CpuKernel = ([dy, x, mean, rstd], [dw, db], u) => {
  const { rows = 0, cols = 0 } = u;
  for (let c = 0; c < cols; c++) {
    let gw = 0;
    let gb = 0;
    for (let r = 0; r < rows; r++) {
      const g = dy![r * cols + c]!;
      gw += g * (x![r * cols + c]! - mean![r]!) * rstd![r]!;
      gb += g;
    }
    dw![c] = gw;
    db![c] = gb;
  }
};

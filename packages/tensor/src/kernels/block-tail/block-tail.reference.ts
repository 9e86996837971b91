// CPU reference of blockTail, in double: per row, h = (a @ wo + bo) + x, the layer norm of
// layerNormForwardReference (two passes, biased variance) of h, the hidden layer with its
// activation, and y = (hidden @ w2 + b2) + h.
import { InternalError } from '@prefixkit/errors';
import { fusedActivations } from '../activation/activation.reference';
import type { CpuKernel } from '../cpu-kernel';

export const blockTailReference: CpuKernel = (inputs, outputs, uniforms, constants = {}) => {
  const [a, x, wo, bo, lnWeight, lnBias, w1, b1, w2, b2] = inputs;
  const [y] = outputs;
  if (!a || !x || !wo || !bo || !lnWeight || !lnBias || !w1 || !b1 || !w2 || !b2 || !y)
    throw new InternalError(
      'blockTail: needs a, x, wo, bo, lnWeight, lnBias, w1, b1, w2, b2 and y',
    );
  const { M = 0, C = 0, F = 0, eps = 1e-5 } = uniforms;
  const { activation = 0 } = constants;
  const activate = fusedActivations[activation];
  if (!activate) throw new InternalError(`blockTail: activation ${activation}`);
  const h = new Float64Array(C);
  const normed = new Float64Array(C);
  const hidden = new Float64Array(F);
  for (let m = 0; m < M; m++) {
    for (let n = 0; n < C; n++) {
      let dot = 0;
      for (let k = 0; k < C; k++) dot += a[m * C + k]! * wo[k * C + n]!;
      h[n] = dot + bo[n]! + x[m * C + n]!;
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += h[c]!;
    const mean = sum / C;
    let squares = 0;
    for (let c = 0; c < C; c++) squares += (h[c]! - mean) ** 2;
    const rstd = 1 / Math.sqrt(squares / C + eps);
    for (let c = 0; c < C; c++) normed[c] = (h[c]! - mean) * rstd * lnWeight[c]! + lnBias[c]!;
    for (let f = 0; f < F; f++) {
      let dot = 0;
      for (let k = 0; k < C; k++) dot += normed[k]! * w1[k * F + f]!;
      hidden[f] = activate(dot + b1[f]!);
    }
    for (let n = 0; n < C; n++) {
      let dot = 0;
      for (let k = 0; k < F; k++) dot += hidden[k]! * w2[k * C + n]!;
      y[m * C + n] = dot + b2[n]! + h[n]!;
    }
  }
};

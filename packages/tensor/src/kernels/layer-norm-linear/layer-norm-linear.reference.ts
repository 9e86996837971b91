// CPU reference of layerNormLinear: per row, the layer norm of layerNormForwardReference (two
// passes, biased variance) and then the linear layer, bias and activation, all in double.
import { InternalError } from '@prefixkit/errors';
import { fusedActivations } from '../activation/activation.reference';
import type { CpuKernel } from '../cpu-kernel';

export const layerNormLinearReference: CpuKernel = (inputs, outputs, uniforms, constants = {}) => {
  const [x, lnWeight, lnBias, w, bias] = inputs;
  const [y] = outputs;
  if (!x || !lnWeight || !lnBias || !w || !bias || !y)
    throw new InternalError('layerNormLinear: needs x, lnWeight, lnBias, w, bias and y');
  const { M = 0, N = 0, K = 0, eps = 1e-5 } = uniforms;
  const activate = fusedActivations[constants.activation ?? 0];
  if (!activate) throw new InternalError(`layerNormLinear: activation ${constants.activation}`);
  const normed = new Float64Array(K);
  for (let m = 0; m < M; m++) {
    let sum = 0;
    for (let k = 0; k < K; k++) sum += x[m * K + k]!;
    const mean = sum / K;
    let squares = 0;
    for (let k = 0; k < K; k++) squares += (x[m * K + k]! - mean) ** 2;
    const rstd = 1 / Math.sqrt(squares / K + eps);
    for (let k = 0; k < K; k++)
      normed[k] = (x[m * K + k]! - mean) * rstd * lnWeight[k]! + lnBias[k]!;
    for (let n = 0; n < N; n++) {
      let dot = 0;
      for (let k = 0; k < K; k++) dot += normed[k]! * w[k * N + n]!;
      y[m * N + n] = activate(dot + bias[n]!);
    }
  }
};

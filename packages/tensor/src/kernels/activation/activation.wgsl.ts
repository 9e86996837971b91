// GPT-2's activations and their fused backward kernels as WGSL expressions (map-spec.ts body).
// gelu_new(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))  (REFERENCE-SPEC.md)
// d/dx = 0.5 (1 + t) + 0.5 x (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2),  t = tanh(...)
import { SAFE_TANH_WGSL } from '../wgsl';

export const geluHelpers = `${SAFE_TANH_WGSL}
const GELU_C: f32 = 0.7978845608028654;
fn gelu(x: f32) -> f32 {
  return 0.5 * x * (1.0 + safe_tanh(GELU_C * (x + 0.044715 * x * x * x)));
}
fn gelu_grad(x: f32) -> f32 {
  let t = safe_tanh(GELU_C * (x + 0.044715 * x * x * x));
  return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * 0.044715 * x * x);
}`;

export const geluForwardWgsl = 'gelu(x[i])';
/** Inputs x (the forward input) and dy. */
export const geluBackwardWgsl = 'dy[i] * gelu_grad(x[i])';

export const tanhForwardWgsl = 'safe_tanh(x[i])';
/** Inputs y (the forward output) and dy: dx = dy (1 - y^2). */
export const tanhBackwardWgsl = 'dy[i] * (1.0 - y[i] * y[i])';

export const reluForwardWgsl = 'max(x[i], 0.0)';
/** Inputs x and dy: dx = dy where x > 0. */
export const reluBackwardWgsl = 'select(0.0, dy[i], x[i] > 0.0)';

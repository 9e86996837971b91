// GPT-2's activations and their fused backward kernels as WGSL expressions (map-spec.ts body).
// gelu_new(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))  (docs/reference/REFERENCE-SPEC.md)
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

// Exact GELU (HF activation_function "gelu", torch F.gelu(approximate='none')):
//   gelu(x) = x Phi(x),  Phi(x) = 0.5 erfc(-x / sqrt(2)),  d/dx = Phi(x) + x exp(-x^2/2) / sqrt(2 pi)
// WGSL has no erf: erfc comes from the Chebyshev-fitted formula of Numerical Recipes (2nd ed.,
// section 6.2, `erfcc`), whose fractional error is below 1.2e-7 for every x. Using erfc (not
// 1 + erf) keeps the negative tail relatively accurate instead of cancelling to 0.
export const geluExactHelpers = `
fn erfc_approx(x: f32) -> f32 {
  let z = abs(x);
  let t = 1.0 / (1.0 + 0.5 * z);
  let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  let r = t * exp(-z * z + p);
  return select(2.0 - r, r, x >= 0.0);
}
const INV_SQRT2: f32 = 0.7071067811865476;
const INV_SQRT_2PI: f32 = 0.3989422804014327;
fn normal_cdf(x: f32) -> f32 { return 0.5 * erfc_approx(-x * INV_SQRT2); }
fn gelu_exact(x: f32) -> f32 { return x * normal_cdf(x); }
fn gelu_exact_grad(x: f32) -> f32 {
  return normal_cdf(x) + x * INV_SQRT_2PI * exp(-0.5 * x * x);
}`;

export const geluExactForwardWgsl = 'gelu_exact(x[i])';
/** Inputs x (the forward input) and dy. */
export const geluExactBackwardWgsl = 'dy[i] * gelu_exact_grad(x[i])';

export const tanhForwardWgsl = 'safe_tanh(x[i])';
/** Inputs y (the forward output) and dy: dx = dy (1 - y^2). */
export const tanhBackwardWgsl = 'dy[i] * (1.0 - y[i] * y[i])';

export const reluForwardWgsl = 'max(x[i], 0.0)';
/** Inputs x and dy: dx = dy where x > 0. */
export const reluBackwardWgsl = 'select(0.0, dy[i], x[i] > 0.0)';

/**
 * A fused kernel's `activation` constant (matmulBias, layerNormLinear, blockTail; 0 none, 1 tanh
 * GELU, 2 exact GELU, 3 ReLU, as MATMUL_ACTIVATIONS numbers them) in WGSL: the helper functions
 * it needs and the expression applied to `value`; undefined for any other constant.
 */
export function fusedActivationWgsl(
  activation: number,
  value: string,
): { helpers: string; apply: string } | undefined {
  const apply = [value, `gelu(${value})`, `gelu_exact(${value})`, `max(${value}, 0.0)`][activation];
  if (apply === undefined) return undefined;
  const helpers = activation === 1 ? geluHelpers : activation === 2 ? geluExactHelpers : '';
  return { helpers, apply };
}

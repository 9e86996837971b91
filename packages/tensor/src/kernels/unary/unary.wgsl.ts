// Element-wise math kernels as WGSL expressions of the input `x` (see map-spec.ts for the body).
// Their gradients are compositions of other ops (ops/elementwise.ts), so there is no backward here.

/** y = alpha * x + beta (scale, negate, add a constant: one kernel). */
export const affineWgsl = 'u.alpha * x[i] + u.beta';
export const expWgsl = 'exp(x[i])';
export const logWgsl = 'log(x[i])';
export const sqrtWgsl = 'sqrt(x[i])';

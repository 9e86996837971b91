// Fused optimiser updates, one thread per parameter element, updating p (and state) in place.
// AdamW exactly as torch.optim.AdamW (foreach=False) computes it (docs/reference/REFERENCE-SPEC.md):
//   p = p * (1 - lr*wd);  m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g*g
//   p = p - stepSize * m / (sqrt(v) / sqrt(1 - b2^k) + eps),  stepSize = lr / (1 - b1^k)
// The scalars that depend on the step (decay, stepSize, bc2Sqrt) are computed on the host in
// double, as torch computes them in Python floats.
// SGD as torch.optim.SGD: d = g + wd*p; with momentum buf = first ? d : mu*buf + (1-dampening)*d.
// clipScale multiplies gradients by min(1, maxNorm / (sqrt(sum of per-tensor sums of squares)
// + 1e-6)), torch.nn.utils.clip_grad_norm_'s coefficient, read from the device.

export const adamwStepWgsl = `let gi = g[i];
  let mi = m[i] * u.beta1 + u.oneMinusBeta1 * gi;
  let vi = v[i] * u.beta2 + u.oneMinusBeta2 * gi * gi;
  m[i] = mi;
  v[i] = vi;
  let denom = sqrt(vi) / u.bc2Sqrt + u.eps;
  p[i] = p[i] * u.decay - u.stepSize * (mi / denom);`;

export const sgdStepWgsl = `p[i] = p[i] - u.lr * (g[i] + u.weightDecay * p[i]);`;

export const sgdMomentumStepWgsl = `let d = g[i] + u.weightDecay * p[i];
  let b = select(u.momentum * buf[i] + (1.0 - u.dampening) * d, d, u.first == 1u);
  buf[i] = b;
  p[i] = p[i] - u.lr * b;`;

export const clipScaleWgsl = `var total = 0.0;
  for (var k = 0u; k < u.count; k = k + 1u) { total = total + sumSquares[k]; }
  g[i] = g[i] * min(1.0, u.maxNorm / (sqrt(total) + 1e-6));`;

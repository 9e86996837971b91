// Dropout with a counter-based RNG, so the same (seed, index) drops the same element on every
// backend and in the backward pass (which reruns this kernel on the gradient):
// y[i] = keep ? x[i] * scale : 0,  keep = pcg(pcg(seed) + i) >= threshold,  threshold = p * 2^32.
// pcg is the PCG-RXS-M-XS 32-bit output permutation; dropout.reference.ts mirrors it exactly.

export const dropoutHelpers = `fn pcg(v: u32) -> u32 {
  let s = v * 747796405u + 2891336453u;
  let w = ((s >> ((s >> 28u) + 4u)) ^ s) * 277803737u;
  return (w >> 22u) ^ w;
}`;

export const dropoutWgsl = 'select(0.0, x[i] * u.scale, pcg(pcg(u.seed) + i) >= u.threshold)';

// CPU reference of dropout (same RNG as dropout.wgsl.ts, in u32 arithmetic).
// x [size] -> y [size]
import type { CpuKernel } from '../cpu-kernel';

/** The PCG-RXS-M-XS permutation of a u32, as the WGSL computes it. */
export function pcg(value: number): number {
  const s = (Math.imul(value >>> 0, 747796405) + 2891336453) >>> 0;
  const w = Math.imul(((s >>> ((s >>> 28) + 4)) ^ s) >>> 0, 277803737) >>> 0;
  return ((w >>> 22) ^ w) >>> 0;
}

export const dropoutReference: CpuKernel = ([x], [y], u) => {
  const { size = 0, seed = 0, threshold = 0, scale = 1 } = u;
  const base = pcg(seed);
  for (let i = 0; i < size; i++) {
    y![i] = pcg((base + i) >>> 0) >= threshold ? x![i]! * scale : 0;
  }
};

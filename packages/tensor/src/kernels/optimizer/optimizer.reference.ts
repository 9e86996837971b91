// CPU references of the fused optimiser updates (formulas in optimizer.wgsl.ts).
// adamwStep: g -> p, m, v;  sgdStep: g -> p;  sgdMomentumStep: g -> p, buf;  clipScale: sumSquares -> g
import type { CpuKernel } from '../cpu-kernel';

export const adamwStepReference: CpuKernel = ([g], [p, m, v], u) => {
  const { size = 0, decay = 1, beta1 = 0.9, oneMinusBeta1 = 0.1, beta2 = 0.999 } = u;
  const { oneMinusBeta2 = 0.001, stepSize = 0, bc2Sqrt = 1, eps = 1e-8 } = u;
  for (let i = 0; i < size; i++) {
    const gi = g![i]!;
    const mi = m![i]! * beta1 + oneMinusBeta1 * gi;
    const vi = v![i]! * beta2 + oneMinusBeta2 * gi * gi;
    m![i] = mi;
    v![i] = vi;
    p![i] = p![i]! * decay - stepSize * (mi / (Math.sqrt(vi) / bc2Sqrt + eps));
  }
};

export const sgdStepReference: CpuKernel = ([g], [p], u) => {
  const { size = 0, lr = 0, weightDecay = 0 } = u;
  for (let i = 0; i < size; i++) p![i] = p![i]! - lr * (g![i]! + weightDecay * p![i]!);
};

export const sgdMomentumStepReference: CpuKernel = ([g], [p, buf], u) => {
  const { size = 0, lr = 0, weightDecay = 0, momentum = 0, dampening = 0, first = 0 } = u;
  for (let i = 0; i < size; i++) {
    const d = g![i]! + weightDecay * p![i]!;
    const b = first === 1 ? d : momentum * buf![i]! + (1 - dampening) * d;
    buf![i] = b;
    p![i] = p![i]! - lr * b;
  }
};

export const clipScaleReference: CpuKernel = ([sumSquares], [g], u) => {
  const { size = 0, count = 0, maxNorm = 1 } = u;
  let total = 0;
  for (let k = 0; k < count; k++) total += sumSquares![k]!;
  const coefficient = Math.min(1, maxNorm / (Math.sqrt(total) + 1e-6));
  for (let i = 0; i < size; i++) g![i] = g![i]! * coefficient;
};

// CPU references of the element-wise math kernels. Shapes: x [size] -> y [size].
import type { CpuKernel } from '../cpu-kernel';

function map(fn: (x: number, alpha: number, beta: number) => number): CpuKernel {
  return ([x], [y], { size = 0, alpha = 0, beta = 0 }) => {
    for (let i = 0; i < size; i++) y![i] = fn(x![i]!, alpha, beta);
  };
}

export const affineReference: CpuKernel = map((x, alpha, beta) => alpha * x + beta);
export const expReference: CpuKernel = map(Math.exp);
export const logReference: CpuKernel = map(Math.log);
export const sqrtReference: CpuKernel = map(Math.sqrt);

// CPU references of the activation kernels (llm.c gelu_forward/gelu_backward in plain loops;
// the exact GELU's erf is erf.ts).
// Forward: x [size] -> y [size].  Backward: (x or y) [size], dy [size] -> dx [size].
import type { CpuKernel } from '../cpu-kernel';
import { erfc } from './erf';

const GELU_C = Math.sqrt(2 / Math.PI);

export function gelu(x: number): number {
  return 0.5 * x * (1 + Math.tanh(GELU_C * (x + 0.044715 * x * x * x)));
}

export function geluGrad(x: number): number {
  const t = Math.tanh(GELU_C * (x + 0.044715 * x * x * x));
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * x * x);
}

export const geluForwardReference: CpuKernel = ([x], [y], { size = 0 }) => {
  for (let i = 0; i < size; i++) y![i] = gelu(x![i]!);
};

export const geluBackwardReference: CpuKernel = ([x, dy], [dx], { size = 0 }) => {
  for (let i = 0; i < size; i++) dx![i] = dy![i]! * geluGrad(x![i]!);
};

/** Exact GELU x Phi(x) (HF "gelu"), Phi(x) = 0.5 erfc(-x / sqrt(2)) in double. */
export function geluExact(x: number): number {
  return x * 0.5 * erfc(-x * Math.SQRT1_2);
}

export function geluExactGrad(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
}

export const geluExactForwardReference: CpuKernel = ([x], [y], { size = 0 }) => {
  for (let i = 0; i < size; i++) y![i] = geluExact(x![i]!);
};

export const geluExactBackwardReference: CpuKernel = ([x, dy], [dx], { size = 0 }) => {
  for (let i = 0; i < size; i++) dx![i] = dy![i]! * geluExactGrad(x![i]!);
};

export const tanhForwardReference: CpuKernel = ([x], [y], { size = 0 }) => {
  for (let i = 0; i < size; i++) y![i] = Math.tanh(x![i]!);
};

export const tanhBackwardReference: CpuKernel = ([y, dy], [dx], { size = 0 }) => {
  for (let i = 0; i < size; i++) dx![i] = dy![i]! * (1 - y![i]! * y![i]!);
};

export const reluForwardReference: CpuKernel = ([x], [y], { size = 0 }) => {
  for (let i = 0; i < size; i++) y![i] = Math.max(x![i]!, 0);
};

export const reluBackwardReference: CpuKernel = ([x, dy], [dx], { size = 0 }) => {
  for (let i = 0; i < size; i++) dx![i] = x![i]! > 0 ? dy![i]! : 0;
};

/**
 * The fused kernels' activations (matmulBias, layerNormLinear, blockTail) by their `activation`
 * constant: none, tanh GELU, exact GELU, ReLU (MATMUL_ACTIVATIONS).
 */
export const fusedActivations: readonly ((x: number) => number)[] = [
  (x) => x,
  gelu,
  geluExact,
  (x) => Math.max(x, 0),
];

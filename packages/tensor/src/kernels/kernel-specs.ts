// The single explicit map of every WGSL kernel (no side-effect registry). A kernel missing
// here, or missing from the CPU backend's map, is a compile error.
import type { KernelSpec } from './kernel-spec';
import { matmulSpecs } from './matmul';

export const kernelSpecs = {
  ...matmulSpecs,
} satisfies Record<string, KernelSpec>;

import type { kernelSpecs } from './kernel-specs';

/** The name of a kernel: a key of the one kernel map. */
export type KernelName = keyof typeof kernelSpecs;

// The matmul kernel family: specs for the kernel map and CPU references for the CPU backend.
import { matmul, matmulNaive } from './matmul.spec';

export { matmulReference, matmulReferences } from './matmul.reference';
export { stackedRowDispatch } from './matmul.spec';
export { matmulTileConstants } from './matmul-blocked.wgsl';

/** Both matmul kernels, spread into kernel-specs.ts. */
export const matmulSpecs = { matmulNaive, matmul } as const;

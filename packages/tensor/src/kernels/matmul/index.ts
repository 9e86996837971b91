// The matmul kernel family: specs for the kernel map and CPU references for the CPU backend.
import {
  matmul,
  matmulBias,
  matmulBiasResidual,
  matmulHalfB,
  matmulHalfColumns,
  matmulNaive,
} from './matmul.spec';

export { matmulReference, matmulReferences } from './matmul.reference';
export { stackedRowDispatch } from './matmul.spec';
export {
  MATMUL_ACTIVATIONS,
  type MatmulActivation,
  matmulTileConstants,
} from './matmul-blocked.wgsl';

/** The matmul kernels, spread into kernel-specs.ts. */
export const matmulSpecs = {
  matmulNaive,
  matmul,
  matmulBias,
  matmulBiasResidual,
  matmulHalfB,
  matmulHalfColumns,
} as const;

// The signature of a CPU kernel: the reference implementation of the WGSL kernel of the same
// name, in plain loops over typed arrays (llm.c style). Arrays are Float32Array on the f32 path
// and Float64Array in gradient checks; JS computes in double either way.

import type { UniformValues } from '../../kernels/kernel-spec';
import type { AnyTypedArray } from '../backend';

export type CpuKernel = (
  inputs: readonly AnyTypedArray[],
  outputs: readonly AnyTypedArray[],
  uniforms: UniformValues,
) => void;

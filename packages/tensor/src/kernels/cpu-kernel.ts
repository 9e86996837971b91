// The signature of a CPU kernel: the reference implementation of the WGSL kernel of the same
// name, in plain loops over typed arrays (llm.c style). Arrays are Float32Array on the f32 path
// and Float64Array in gradient checks; JS computes in double either way. It sits beside the
// kernel specs so that kernels never import from the backends that run them.
import type { UniformValues } from './kernel-spec';

/** The host arrays a buffer is read into and written from. */
export type AnyTypedArray = Float32Array | Float64Array | Int32Array;

/** `constants` are the WGSL kernel's specialisation constants, for kernels whose meaning they change. */
export type CpuKernel = (
  inputs: readonly AnyTypedArray[],
  outputs: readonly AnyTypedArray[],
  uniforms: UniformValues,
  constants?: UniformValues,
) => void;

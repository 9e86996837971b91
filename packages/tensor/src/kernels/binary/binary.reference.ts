// CPU references of the broadcasting binary kernels.
// a, b read through strides a0..a5 / b0..b5 over shape s0..s5 -> out [size] contiguous.
import type { CpuKernel } from '../cpu-kernel';
import { forEachStrided } from '../strided-index';

function binary(fn: (a: number, b: number) => number): CpuKernel {
  return ([a, b], [out], uniforms) => {
    forEachStrided(uniforms, ['a', 'b'], (i, [ia, ib]) => {
      out![i] = fn(a![ia!]!, b![ib!]!);
    });
  };
}

export const addReference = binary((a, b) => a + b);
export const subReference = binary((a, b) => a - b);
export const mulReference = binary((a, b) => a * b);
export const divReference = binary((a, b) => a / b);

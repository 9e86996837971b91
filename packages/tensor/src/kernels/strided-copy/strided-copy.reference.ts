// CPU reference of stridedCopy: y[outOffset + sum c_k o_k] = x[inOffset + sum c_k i_k] over
// the coordinates c of shape s0..s5 (size elements); other elements of y are left as they are.
import type { CpuKernel } from '../cpu-kernel';
import { forEachStrided } from '../strided-index';

export const stridedCopyReference: CpuKernel = ([x], [y], uniforms) => {
  const inOffset = uniforms.inOffset ?? 0;
  const outOffset = uniforms.outOffset ?? 0;
  forEachStrided(uniforms, ['i', 'o'], (_, [offIn, offOut]) => {
    y![outOffset + offOut!] = x![inOffset + offIn!]!;
  });
};

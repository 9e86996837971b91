// One gather/scatter kernel behind permute, slice, concat, expand and pad:
// y[outOffset + sum c_k o_k] = x[inOffset + sum c_k i_k] for every coordinate c of s0..s5.
// Only the addressed elements of y are written (concat writes each piece into one output).

import { stridedOffsetsWgsl } from '../strided-index';
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function stridedCopyWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.size) { return; }
${stridedOffsetsWgsl(['i', 'o'])}
  y[u.outOffset + off_o] = x[u.inOffset + off_i];
}
`;
}

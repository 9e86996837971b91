// One gather/scatter kernel behind permute, slice, concat, expand and pad:
// y[outOffset + sum c_k o_k] = x[inOffset + sum c_k i_k] for every coordinate c of s0..s5.
// Only the addressed elements of y are written (concat writes each piece into one output).
// Each thread copies a run of the innermost axis (stridedRun: 64 elements on a software adapter,
// 1 on a GPU).

import { rowOffsetsWgsl, stridedRunWgsl } from '../strided-index';
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function stridedCopyWgsl(kernel: KernelInterface, run: number): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
${stridedRunWgsl(run)}
${rowOffsetsWgsl(['i', 'o'])}
  for (var e = first; e < last; e++) {
    y[u.outOffset + off_o + e * u.o5] = x[u.inOffset + off_i + e * u.i5];
  }
}
`;
}

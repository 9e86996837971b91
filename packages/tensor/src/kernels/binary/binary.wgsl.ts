// Broadcasting binary kernels: out[i] = a[ia] OP b[ib], where ia / ib come from the collapsed
// 6-axis shape and per-operand strides (0 on broadcast axes). The `contiguous` constant selects
// a variant without the index arithmetic when a, b and out share one shape (the common case).

import { rowOffsetsWgsl, stridedRunWgsl } from '../strided-index';
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function binaryWgsl(
  kernel: KernelInterface,
  operator: string,
  contiguous: boolean,
  run: number,
): string {
  if (contiguous)
    return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.size) { return; }
  out[i] = a[i] ${operator} b[i];
}
`;
  // Strided: each thread a run of the innermost axis (stridedRun); out is contiguous.
  return `${declareBindings(kernel)}
${MAIN_1D}
${stridedRunWgsl(run)}
${rowOffsetsWgsl(['a', 'b'])}
  for (var e = first; e < last; e++) {
    out[row * u.s5 + e] = a[off_a + e * u.a5] ${operator} b[off_b + e * u.b5];
  }
}
`;
}

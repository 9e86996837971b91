// Broadcasting binary kernels: out[i] = a[ia] OP b[ib], where ia / ib come from the collapsed
// 6-axis shape and per-operand strides (0 on broadcast axes). The `contiguous` constant selects
// a variant without the index arithmetic when a, b and out share one shape (the common case).

import { stridedOffsetsWgsl } from '../strided-index';
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function binaryWgsl(kernel: KernelInterface, operator: string, contiguous: boolean): string {
  const index = contiguous ? '  let off_a = i;\n  let off_b = i;' : stridedOffsetsWgsl(['a', 'b']);
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.size) { return; }
${index}
  out[i] = a[off_a] ${operator} b[off_b];
}
`;
}

// Embedding gather and its scatter-add gradient. Ids outside [0, vocab) read as a zero row and
// get no gradient (a kernel cannot throw; the op checks ids where it can see them).
// The backward runs one thread per column and walks the ids in order: every thread owns its
// column, so there are no write conflicts, no float atomics, and the sum order is deterministic.
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function embeddingForwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.rows * u.cols) { return; }
  let id = ids[i / u.cols];
  let c = i % u.cols;
  var v = 0.0;
  if (id >= 0 && u32(id) < u.vocab) { v = table[u32(id) * u.cols + c]; }
  out[i] = v;
}
`;
}

export function embeddingBackwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.cols) { return; }
  for (var n = 0u; n < u.rows; n = n + 1u) {
    let id = ids[n];
    if (id >= 0 && u32(id) < u.vocab) {
      let k = u32(id) * u.cols + i;
      dTable[k] = dTable[k] + dOut[n * u.cols + i];
    }
  }
}
`;
}

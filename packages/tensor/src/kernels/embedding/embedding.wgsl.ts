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

/**
 * table[ids[r]] + positionTable[positions[r % positionRows]] per row r: a token and a position
 * embedding summed in one dispatch (GPT-2's input, wte[ids] + wpe[pos], where positions may be
 * one row shared by every sequence). Either id out of range reads as a zero row.
 */
export function embeddingSumWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.rows * u.cols) { return; }
  let row = i / u.cols;
  let c = i % u.cols;
  let id = ids[row];
  let position = positions[row % u.positionRows];
  var token = 0.0;
  if (id >= 0 && u32(id) < u.vocab) { token = table[u32(id) * u.cols + c]; }
  var place = 0.0;
  if (position >= 0 && u32(position) < u.positionVocab) { place = positionTable[u32(position) * u.cols + c]; }
  out[i] = token + place;
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

// CPU references of the embedding gather and scatter-add (ids outside [0, vocab): zero row,
// no gradient).
// Forward:  ids [rows] i32, table [vocab, cols] -> out [rows, cols]
// Backward: ids [rows] i32, dOut [rows, cols] -> dTable [vocab, cols] (accumulated into)
// Sum:      ids [rows], positions [positionRows], table, positionTable -> out [rows, cols]
import type { CpuKernel } from '../cpu-kernel';

export const embeddingForwardReference: CpuKernel = ([ids, table], [out], u) => {
  const { rows = 0, vocab = 0, cols = 0 } = u;
  for (let n = 0; n < rows; n++) {
    const id = ids![n]!;
    const valid = id >= 0 && id < vocab;
    for (let c = 0; c < cols; c++) out![n * cols + c] = valid ? table![id * cols + c]! : 0;
  }
};

export const embeddingBackwardReference: CpuKernel = ([ids, dOut], [dTable], u) => {
  const { rows = 0, vocab = 0, cols = 0 } = u;
  for (let n = 0; n < rows; n++) {
    const id = ids![n]!;
    if (id < 0 || id >= vocab) continue;
    for (let c = 0; c < cols; c++)
      dTable![id * cols + c] = dTable![id * cols + c]! + dOut![n * cols + c]!;
  }
};

export const embeddingSumReference: CpuKernel = (
  [ids, positions, table, positionTable],
  [out],
  u,
) => {
  const { rows = 0, vocab = 0, cols = 0, positionRows = 1, positionVocab = 0 } = u;
  for (let n = 0; n < rows; n++) {
    const id = ids![n]!;
    const position = positions![n % positionRows]!;
    const validId = id >= 0 && id < vocab;
    const validPosition = position >= 0 && position < positionVocab;
    for (let c = 0; c < cols; c++) {
      const token = validId ? table![id * cols + c]! : 0;
      const place = validPosition ? positionTable![position * cols + c]! : 0;
      out![n * cols + c] = token + place;
    }
  }
};

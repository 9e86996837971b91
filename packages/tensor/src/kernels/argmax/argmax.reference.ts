// CPU reference of argmaxRows: per row of x [rows, cols], the index of the largest value once the
// row's excluded columns count as -Infinity (NaN or not), scanning left to right and moving only
// to a strictly larger value: ties go to the first index, a NaN is never chosen, and a row whose
// first value is NaN gives 0, exactly as a host loop `if (x[c] > x[best]) best = c`.
// x [rows * cols] f32, exclude [rows * excludeCount] i32 (-1 = no column) -> out [rows] i32
import type { CpuKernel } from '../cpu-kernel';

export const argmaxRowsReference: CpuKernel = (
  [x, exclude],
  [out],
  { rows = 0, cols = 0, excludeCount = 0 },
) => {
  for (let row = 0; row < rows; row++) {
    const excluded = new Set<number>();
    for (let e = 0; e < excludeCount; e++) excluded.add(exclude![row * excludeCount + e]!);
    const value = (c: number) => (excluded.has(c) ? -Infinity : x![row * cols + c]!);
    let best = 0;
    for (let c = 1; c < cols; c++) if (value(c) > value(best)) best = c;
    out![row] = best;
  }
};

// CPU references of indexSelect (torch.index_select) and its scatter-add gradient, with x viewed
// as [outer, n, inner] around the selected axis. Indices outside [0, n): zero slice, no gradient.
// Forward:  x [outer, n, inner], indices [count] i32 -> out [outer, count, inner]
// Backward: indices [count] i32, dOut [outer, count, inner] -> dx [outer, n, inner] (added into)
import type { CpuKernel } from '../cpu-kernel';

export const indexSelectForwardReference: CpuKernel = ([x, indices], [out], u) => {
  const { outer = 0, n = 0, count = 0, inner = 0 } = u;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < count; j++) {
      const index = indices![j]!;
      const valid = index >= 0 && index < n;
      for (let i = 0; i < inner; i++) {
        out![(o * count + j) * inner + i] = valid ? x![(o * n + index) * inner + i]! : 0;
      }
    }
  }
};

export const indexSelectBackwardReference: CpuKernel = ([indices, dOut], [dx], u) => {
  const { outer = 0, n = 0, count = 0, inner = 0 } = u;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < count; j++) {
      const index = indices![j]!;
      if (index < 0 || index >= n) continue;
      for (let i = 0; i < inner; i++) {
        const k = (o * n + index) * inner + i;
        dx![k] = dx![k]! + dOut![(o * count + j) * inner + i]!;
      }
    }
  }
};

// CPU reference of sumAxis.
// x [outer, reduce, inner] -> y[outOffset + (o * chunks + c) * inner + n], chunks = ceil(reduce/chunk)
import type { CpuKernel } from '../cpu-kernel';

export const sumAxisReference: CpuKernel = ([x], [y], u) => {
  const { outer = 0, reduce = 0, inner = 0, chunk = 1, squared = 0, outOffset = 0 } = u;
  const chunks = Math.ceil(reduce / chunk);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < chunks; c++) {
      const stop = Math.min(reduce, (c + 1) * chunk);
      for (let n = 0; n < inner; n++) {
        let acc = 0;
        for (let r = c * chunk; r < stop; r++) {
          const v = x![(o * reduce + r) * inner + n]!;
          acc += squared === 1 ? v * v : v;
        }
        y![outOffset + (o * chunks + c) * inner + n] = acc;
      }
    }
  }
};

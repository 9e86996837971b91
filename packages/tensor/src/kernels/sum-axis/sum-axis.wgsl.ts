// Sum over the middle axis of x viewed as [outer, reduce, inner], in chunks of `chunk` rows:
// y[outOffset + (o * chunks + c) * inner + n] = sum_{r in chunk c} x[(o * reduce + r) * inner + n]
// (of x^2 when `squared` = 1). One thread per output: no barriers, which lavapipe pays dearly
// for; a huge reduction runs as two passes (chunks, then their sum) to keep every thread short.
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function sumAxisWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  let chunks = (u.reduce + u.chunk - 1u) / u.chunk;
  if (i >= u.outer * chunks * u.inner) { return; }
  let n = i % u.inner;
  let c = (i / u.inner) % chunks;
  let o = i / (u.inner * chunks);
  let start = c * u.chunk;
  let stop = min(u.reduce, start + u.chunk);
  var acc = 0.0;
  for (var r = start; r < stop; r = r + 1u) {
    let v = x[(o * u.reduce + r) * u.inner + n];
    acc = acc + select(v, v * v, u.squared == 1u);
  }
  y[u.outOffset + i] = acc;
}
`;
}

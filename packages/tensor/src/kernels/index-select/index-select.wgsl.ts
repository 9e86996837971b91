// indexSelect (torch.index_select) along one axis, x viewed as [outer, n, inner].
// Forward: one thread per output element, a bit-exact u32 copy (f32 and i32 alike).
// Backward: one thread per (outer, inner) column of dx walking the indices in order, as the
// embedding backward does: each thread owns its column, so repeated indices add without write
// conflicts or float atomics, in a deterministic order.
import { declareBindings, type KernelInterface, MAIN_1D } from '../wgsl';

export function indexSelectForwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.outer * u.count * u.inner) { return; }
  let k = i % u.inner;
  let j = (i / u.inner) % u.count;
  let o = i / (u.inner * u.count);
  let index = indices[j];
  var v = 0u;
  if (index >= 0 && u32(index) < u.n) { v = x[(o * u.n + u32(index)) * u.inner + k]; }
  out[i] = v;
}
`;
}

export function indexSelectBackwardWgsl(kernel: KernelInterface): string {
  return `${declareBindings(kernel)}
${MAIN_1D}
  if (i >= u.outer * u.inner) { return; }
  let k = i % u.inner;
  let o = i / u.inner;
  for (var j = 0u; j < u.count; j = j + 1u) {
    let index = indices[j];
    if (index >= 0 && u32(index) < u.n) {
      let slot = (o * u.n + u32(index)) * u.inner + k;
      dx[slot] = dx[slot] + dOut[(o * u.count + j) * u.inner + k];
    }
  }
}
`;
}

// KernelSpec of qkvHeads: one thread per position of key/value [B, H, P+T, D] (its D values);
// threads at new positions also write q. Replaces three head splits and two concatenations with
// one dispatch. With pastIndexed, row b's past is past row pastRowOf[b] (a beam search's reorder
// done in the same copy).
import type { KernelSpec } from '../kernel-spec';
import { declareBindings, elementDispatch, MAIN_1D, WORKGROUP_SIZE } from '../wgsl';

const kernel = {
  inputs: [
    { name: 'qkv', type: 'f32' },
    { name: 'pastKey', type: 'f32' },
    { name: 'pastValue', type: 'f32' },
    { name: 'pastRowOf', type: 'i32' },
  ],
  outputs: [
    { name: 'q', type: 'f32' },
    { name: 'key', type: 'f32' },
    { name: 'value', type: 'f32' },
  ],
  uniforms: [
    { name: 'batch', type: 'u32' },
    { name: 'heads', type: 'u32' },
    { name: 'tokens', type: 'u32' },
    { name: 'headSize', type: 'u32' },
    { name: 'past', type: 'u32' },
    { name: 'pastRows', type: 'u32' },
    { name: 'pastIndexed', type: 'u32' },
  ],
} as const;

// A thread per (row, head, position) copies that position's D values: the index arithmetic
// (integer divisions, one scalar operation per lane on lavapipe) is done once per D elements.
const code = `${declareBindings(kernel)}
${MAIN_1D}
  let D = u.headSize;
  let S = u.past + u.tokens;
  let C = u.heads * D;
  if (i >= u.batch * u.heads * S) { return; }
  let s = i % S;
  let h = (i / S) % u.heads;
  let b = i / (S * u.heads);
  let out = i * D;
  if (s < u.past) {
    var pb = select(b, 0u, u.pastRows == 1u);
    if (u.pastIndexed == 1u) { pb = min(u32(pastRowOf[b]), u.pastRows - 1u); }
    let at = ((pb * u.heads + h) * u.past + s) * D;
    for (var d = 0u; d < D; d++) {
      key[out + d] = pastKey[at + d];
      value[out + d] = pastValue[at + d];
    }
    return;
  }
  let t = s - u.past;
  let row = (b * u.tokens + t) * 3u * C + h * D;
  let qAt = ((b * u.heads + h) * u.tokens + t) * D;
  for (var d = 0u; d < D; d++) {
    key[out + d] = qkv[row + C + d];
    value[out + d] = qkv[row + 2u * C + d];
    q[qAt + d] = qkv[row + d];
  }
}
`;

export const qkvHeads: KernelSpec = {
  name: 'qkvHeads',
  ...kernel,
  wgsl: () => code,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: ({ batch = 0, heads = 0, tokens = 0, headSize = 0, past = 0 }) =>
    elementDispatch(headSize === 0 ? 0 : batch * heads * (past + tokens)),
  tolerance: { atol: 0, rtol: 0 },
};

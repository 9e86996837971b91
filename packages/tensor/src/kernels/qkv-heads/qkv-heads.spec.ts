// KernelSpec of qkvHeads: one thread per element of key/value [B, H, P+T, D]; threads at new
// positions also write q. Replaces three head splits and two concatenations with one dispatch.
import type { KernelSpec } from '../kernel-spec';
import { declareBindings, elementDispatch, MAIN_1D, WORKGROUP_SIZE } from '../wgsl';

const kernel = {
  inputs: [
    { name: 'qkv', type: 'f32' },
    { name: 'pastKey', type: 'f32' },
    { name: 'pastValue', type: 'f32' },
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
  ],
} as const;

const code = `${declareBindings(kernel)}
${MAIN_1D}
  let D = u.headSize;
  let S = u.past + u.tokens;
  let C = u.heads * D;
  if (i >= u.batch * u.heads * S * D) { return; }
  let d = i % D;
  let s = (i / D) % S;
  let h = (i / (D * S)) % u.heads;
  let b = i / (D * S * u.heads);
  if (s < u.past) {
    let pb = select(b, 0u, u.pastRows == 1u);
    let at = ((pb * u.heads + h) * u.past + s) * D + d;
    key[i] = pastKey[at];
    value[i] = pastValue[at];
    return;
  }
  let t = s - u.past;
  let row = (b * u.tokens + t) * 3u * C + h * D + d;
  key[i] = qkv[row + C];
  value[i] = qkv[row + 2u * C];
  q[((b * u.heads + h) * u.tokens + t) * D + d] = qkv[row];
}
`;

export const qkvHeads: KernelSpec = {
  name: 'qkvHeads',
  ...kernel,
  wgsl: () => code,
  workgroupSize: [WORKGROUP_SIZE, 1, 1],
  dispatch: ({ batch = 0, heads = 0, tokens = 0, headSize = 0, past = 0 }) =>
    elementDispatch(batch * heads * (past + tokens) * headSize),
  tolerance: { atol: 0, rtol: 0 },
};

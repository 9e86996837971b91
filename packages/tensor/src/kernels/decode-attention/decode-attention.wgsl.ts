// One decoding step's attention in one dispatch: for each (row b, head h), the single new query
// q [D] over the S cached keys and values [S, D] (past and new, qkvHeads' output):
//   s_j = q . k_j / divisor, or finfo.min where mask[b, j] < 0.5 (HF's masking value)
//   out = sum_j softmax(s)_j v_j                      -> out [B, H, 1, D] = [B, 1, H*D] merged
// A workgroup of W lanes takes one (b, h): lane l runs an online softmax
// over positions l, l + W, ... (running max, sum and weighted values in registers), then the
// lanes' partial results are combined through workgroup memory, each lane finishing some of the
// D outputs. Scores never leave the workgroup; no causal mask is needed (the query is the last
// position). The head size D is a constant (D / 4 vec4s per row).
import { declareBindings, F32_MIN_WGSL, type KernelInterface } from '../wgsl';

/**
 * Lanes per (row, head) workgroup: one subgroup where the device has a fixed subgroup size (8 on
 * lavapipe, where a wider group only adds idle lanes and combine work for a decoding step's few
 * positions; 32 on NVIDIA), else 32.
 */
export function decodeAttentionLanes(subgroupSize: number | undefined): number {
  return subgroupSize && subgroupSize >= 4 ? subgroupSize : 32;
}

/** The workgroup memory in which the lanes of a (row, head) pool their online-softmax states. */
export function laneStateWgsl(W: number, D4: number): string {
  return `const F32_MIN: f32 = ${F32_MIN_WGSL};
var<workgroup> laneMax: array<f32, ${W}>;
var<workgroup> laneSum: array<f32, ${W}>;
var<workgroup> laneAcc: array<vec4f, ${W * D4}>;`;
}

/**
 * The end of a decoding attention kernel: each lane's running max `m`, sum `total` and weighted
 * values `acc` are pooled, rescaled to the largest max and summed; where `stores` (a WGSL bool)
 * holds, lane l writes outputs d4 = l, l + W, ... of out[pair] (D4 vec4s per pair).
 */
export function combineLanesWgsl(W: number, D4: number, stores: string): string {
  return `laneMax[lid] = m;
  laneSum[lid] = total;
  for (var d4 = 0u; d4 < ${D4}u; d4++) { laneAcc[lid * ${D4}u + d4] = acc[d4]; }
  workgroupBarrier();
  var best = F32_MIN;
  for (var l = 0u; l < ${W}u; l++) { best = max(best, laneMax[l]); }
  var sum = 0.0;
  for (var l = 0u; l < ${W}u; l++) { sum += laneSum[l] * exp(laneMax[l] - best); }
  if (!(${stores})) { return; }
  for (var d4 = lid; d4 < ${D4}u; d4 += ${W}u) {
    var o = vec4f(0.0);
    for (var l = 0u; l < ${W}u; l++) { o += laneAcc[l * ${D4}u + d4] * exp(laneMax[l] - best); }
    out[pair * ${D4}u + d4] = o / sum;
  }`;
}

export function decodeAttentionWgsl(kernel: KernelInterface, headSize: number, W: number): string {
  const D4 = headSize / 4;
  const each = (body: string) => `for (var d4 = 0u; d4 < ${D4}u; d4++) { ${body} }`;
  return `${declareBindings(kernel)}
${laneStateWgsl(W, D4)}

@compute @workgroup_size(${W})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let pairs = u.batch * u.heads;
  let group = wid.x + wid.y * nwg.x;
  // Every lane reaches the barrier; a group past the last (row, head) stores nothing.
  let pair = min(group, pairs - 1u);
  let b = pair / u.heads;
  var query: array<vec4f, ${D4}>;
  ${each(`query[d4] = q[pair * ${D4}u + d4];`)}
  var m = F32_MIN;
  var total = 0.0;
  var acc: array<vec4f, ${D4}>;
  ${each('acc[d4] = vec4f(0.0);')}
  let rows = pair * u.positions;
  for (var j = lid; j < u.positions; j += ${W}u) {
    let at = (rows + j) * ${D4}u;
    var dot = vec4f(0.0);
    ${each('dot += query[d4] * key[at + d4];')}
    var s = (dot.x + dot.y + dot.z + dot.w) / u.divisor;
    if (u.hasMask == 1u && mask[b * u.positions + j] < 0.5) { s = F32_MIN; }
    let next = max(m, s);
    let scale = exp(m - next);
    let e = exp(s - next);
    total = total * scale + e;
    ${each('acc[d4] = acc[d4] * scale + e * value[at + d4];')}
    m = next;
  }
  ${combineLanesWgsl(W, D4, 'group < pairs')}
}
`;
}

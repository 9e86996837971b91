// One decoding step's attention straight from GPT-2's fused projection, in one dispatch where
// qkvHeads and decodeAttention were two: for each (row b, head h), the new query q [D] (read
// from qkv [B, 1, 3C]) over the past's keys and values and the new ones, which this kernel also
// copies into the step's cache key, value [B, H, P + 1, D] (qkvHeads' output):
//   k_j = j < P ? pastKey[pb, h, j] : qkv[b, 0, C + h*D]     (v_j alike, at 2C)
//   s_j = q . k_j / divisor, or finfo.min where mask[b, j] < 0.5
//   out = sum_j softmax(s)_j v_j                               -> out [B, H, 1, D]
// pb is b for a past of B rows, 0 for one shared past, pastRowOf[b] with pastIndexed (a beam
// reorder). Lane l of the (b, h) workgroup visits positions l, l + W, ...: it reads k_j and v_j
// from where they come, writes them to the cache, and folds them into its online softmax; the
// lanes' partial results are combined as in decodeAttention. Every cache row is written once,
// and nothing written is read back, so no barrier separates the copy from the attention.
import { combineLanesWgsl, laneStateWgsl } from '../decode-attention/decode-attention.wgsl';
import { declareBindings, type KernelInterface } from '../wgsl';

export function decodeQkvAttentionWgsl(
  kernel: KernelInterface,
  headSize: number,
  W: number,
): string {
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
  let inRange = group < pairs;
  let b = pair / u.heads;
  let h = pair % u.heads;
  let positions = u.past + 1u;
  let C4 = u.heads * ${D4}u;
  // vec4 offsets of this row's q, k and v in qkv [B, 1, 3C].
  let qAt = b * 3u * C4 + h * ${D4}u;
  var pb = select(b, 0u, u.pastRows == 1u);
  if (u.pastIndexed == 1u) { pb = min(u32(pastRowOf[b]), u.pastRows - 1u); }
  let pastAt = (pb * u.heads + h) * u.past * ${D4}u;
  let cacheAt = pair * positions * ${D4}u;
  var query: array<vec4f, ${D4}>;
  ${each('query[d4] = qkv[qAt + d4];')}
  var m = F32_MIN;
  var total = 0.0;
  var acc: array<vec4f, ${D4}>;
  ${each('acc[d4] = vec4f(0.0);')}
  for (var j = lid; j < positions; j += ${W}u) {
    // k_j and v_j, a vec4 at a time, from the past or from qkv.
    let fromPast = j < u.past;
    let pastRow = pastAt + j * ${D4}u;
    let cacheRow = cacheAt + j * ${D4}u;
    var dot = vec4f(0.0);
    for (var d4 = 0u; d4 < ${D4}u; d4++) {
      var k: vec4f;
      if (fromPast) { k = pastKey[pastRow + d4]; } else { k = qkv[qAt + C4 + d4]; }
      if (inRange) { key[cacheRow + d4] = k; }
      dot += query[d4] * k;
    }
    var s = (dot.x + dot.y + dot.z + dot.w) / u.divisor;
    if (u.hasMask == 1u && mask[b * positions + j] < 0.5) { s = F32_MIN; }
    let next = max(m, s);
    let scale = exp(m - next);
    let e = exp(s - next);
    total = total * scale + e;
    for (var d4 = 0u; d4 < ${D4}u; d4++) {
      var v: vec4f;
      if (fromPast) { v = pastValue[pastRow + d4]; } else { v = qkv[qAt + 2u * C4 + d4]; }
      if (inRange) { value[cacheRow + d4] = v; }
      acc[d4] = acc[d4] * scale + e * v;
    }
    m = next;
  }
  ${combineLanesWgsl(W, D4, 'inRange')}
}
`;
}

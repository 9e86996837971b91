// beamCandidates: one workgroup per prompt row. Per beam, the lanes reduce the row's max and sum
// of exponentials (log_softmax); then each lane scans its columns of all K beams in increasing
// flat order, keeping its own sorted top `count` (most columns fail one comparison with the
// lane's current worst), and lane 0 merges the 64 sorted lists. Only count (score, flat) pairs
// per prompt row leave the device. `count` (2K) is a constant: it sizes the private and shared
// lists (MAX_BEAM_CANDIDATES bounds the shared ones to 8 KiB).
import { EXCLUSIONS_WGSL } from '../exclusions.wgsl';
import type { UniformValues } from '../kernel-spec';
import { laneLoop, ROW_REDUCE_WGSL } from '../row-reduce';
import { declareBindings, type KernelInterface, WORKGROUP_SIZE } from '../wgsl';

/** The most candidates per row the kernel keeps (2K for K <= 8 beams). */
export const MAX_BEAM_CANDIDATES = 16;
/** The most beams per row (their log-sums live in a private array). */
export const MAX_BEAMS = 8;

export function beamCandidatesWgsl(kernel: KernelInterface, constants: UniformValues): string {
  const count = constants.count ?? MAX_BEAM_CANDIDATES;
  return `${declareBindings(kernel)}
${ROW_REDUCE_WGSL}
const COUNT = ${count}u;
const LANES = ${WORKGROUP_SIZE}u;
var<workgroup> laneScores: array<f32, ${WORKGROUP_SIZE * count}>;
var<workgroup> laneFlats: array<u32, ${WORKGROUP_SIZE * count}>;
var<workgroup> laneFilled: array<u32, ${WORKGROUP_SIZE}>;

${EXCLUSIONS_WGSL}

fn better(a: f32, fa: u32, b: f32, fb: u32) -> bool { return a > b || (a == b && fa < fb); }

@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row = wid.x;
  var maxes: array<f32, ${MAX_BEAMS}>;
  var logSums: array<f32, ${MAX_BEAMS}>;
  for (var j = 0u; j < u.beams; j++) {
    let base = (row * u.beams + j) * u.cols;
    var m = u.negativeInfinity;
    ${laneLoop('v', 'u.cols')} { m = max(m, logits[base + v]); }
    let rowMax = row_max(lid, m);
    var partial = 0.0;
    ${laneLoop('v', 'u.cols')} { partial = partial + exp(logits[base + v] - rowMax); }
    maxes[j] = rowMax;
    logSums[j] = log(row_sum(lid, partial));
  }
  var topScore: array<f32, ${count}>;
  var topFlat: array<u32, ${count}>;
  var filled = 0u;
  for (var j = 0u; j < u.beams; j++) {
    let r = row * u.beams + j;
    let base = r * u.cols;
    ${laneLoop('v', 'u.cols')} {
      let flat = j * u.cols + v;
      var score = ((logits[base + v] - maxes[j]) - logSums[j]) + beamScores[r];
      if (isNan(score)) { continue; }
      if (filled == COUNT && !better(score, flat, topScore[COUNT - 1u], topFlat[COUNT - 1u])) { continue; }
      if (isExcluded(r, v)) {
        score = u.negativeInfinity;
        if (filled == COUNT && !better(score, flat, topScore[COUNT - 1u], topFlat[COUNT - 1u])) { continue; }
      }
      var at = min(filled, COUNT - 1u);
      while (at > 0u && better(score, flat, topScore[at - 1u], topFlat[at - 1u])) {
        topScore[at] = topScore[at - 1u];
        topFlat[at] = topFlat[at - 1u];
        at = at - 1u;
      }
      topScore[at] = score;
      topFlat[at] = flat;
      filled = min(filled + 1u, COUNT);
    }
  }
  for (var k = 0u; k < filled; k++) {
    laneScores[lid * COUNT + k] = topScore[k];
    laneFlats[lid * COUNT + k] = topFlat[k];
  }
  laneFilled[lid] = filled;
  workgroupBarrier();
  if (lid != 0u) { return; }
  var heads: array<u32, ${WORKGROUP_SIZE}>;
  for (var k = 0u; k < COUNT; k++) {
    var bestLane = LANES;
    for (var lane = 0u; lane < LANES; lane++) {
      let h = heads[lane];
      if (h >= laneFilled[lane]) { continue; }
      let s = laneScores[lane * COUNT + h];
      let f = laneFlats[lane * COUNT + h];
      if (bestLane == LANES) { bestLane = lane; continue; }
      let bh = heads[bestLane];
      if (better(s, f, laneScores[bestLane * COUNT + bh], laneFlats[bestLane * COUNT + bh])) { bestLane = lane; }
    }
    if (bestLane == LANES) {
      scores[row * COUNT + k] = u.negativeInfinity;
      flat[row * COUNT + k] = -1;
    } else {
      let bh = heads[bestLane];
      scores[row * COUNT + k] = laneScores[bestLane * COUNT + bh];
      flat[row * COUNT + k] = i32(laneFlats[bestLane * COUNT + bh]);
      heads[bestLane] = bh + 1u;
    }
  }
}
`;
}

// argmaxRows: one workgroup per row. Each lane scans columns lane, lane + W, ... keeping the first
// largest value it sees, then the lanes' candidates are reduced in workgroup memory (larger value
// wins, ties go to the lower column). The exclusion list is consulted only when a value would
// become the lane's best, so it costs nothing per column in the common case. WGSL has no infinite
// constant, so -Infinity (an excluded column's value) comes in as a uniform.
import { EXCLUSIONS_WGSL } from '../exclusions.wgsl';

export const ARGMAX_WORKGROUP = 64;

export const argmaxRowsWgsl = `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> exclude: array<i32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
struct Uniforms { rows: u32, cols: u32, excludeCount: u32, negativeInfinity: f32 }
@group(0) @binding(3) var<uniform> u: Uniforms;

const W = ${ARGMAX_WORKGROUP}u;
const NONE = 0xffffffffu;
var<workgroup> bestValue: array<f32, ${ARGMAX_WORKGROUP}>;
var<workgroup> bestColumn: array<u32, ${ARGMAX_WORKGROUP}>;

${EXCLUSIONS_WGSL}

/** Whether candidate (v, c) beats (bv, bc); NONE loses to anything. */
fn beats(v: f32, c: u32, bv: f32, bc: u32) -> bool {
  if (c == NONE) { return false; }
  if (bc == NONE) { return true; }
  return v > bv || (v == bv && c < bc);
}

@compute @workgroup_size(${ARGMAX_WORKGROUP})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) lane: u32) {
  let row = group.x;
  let base = row * u.cols;
  var value = 0.0;
  var column = NONE;
  for (var c = lane; c < u.cols; c += W) {
    let v = x[base + c];
    let nan = isNan(v);
    if (column == NONE || nan || v > value) {
      // An excluded column is -Infinity even where its value is NaN; other NaNs never win.
      let excluded = isExcluded(row, c);
      if (nan && !excluded) { continue; }
      let effective = select(v, u.negativeInfinity, excluded);
      if (column == NONE || effective > value) {
        value = effective;
        column = c;
      }
    }
  }
  bestValue[lane] = value;
  bestColumn[lane] = column;
  workgroupBarrier();
  for (var stride = W / 2u; stride > 0u; stride = stride / 2u) {
    if (lane < stride && beats(bestValue[lane + stride], bestColumn[lane + stride], bestValue[lane], bestColumn[lane])) {
      bestValue[lane] = bestValue[lane + stride];
      bestColumn[lane] = bestColumn[lane + stride];
    }
    workgroupBarrier();
  }
  if (lane == 0u) {
    // A NaN first value stops a left-to-right scan at 0 (the reference's semantics).
    let stuck = isNan(x[base]) && !isExcluded(row, 0u);
    out[row] = select(i32(select(bestColumn[0], 0u, bestColumn[0] == NONE)), 0, stuck);
  }
}
`;

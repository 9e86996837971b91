// WGSL shared by the device-side selection kernels (argmaxRows, beamCandidates): a NaN test and
// the lookup of a row's excluded columns in the i32 binding `exclude` [rows, u.excludeCount]
// (ops/exclusion-table.ts builds it).
export const EXCLUSIONS_WGSL = `
// By its bits: compilers may fold \`v != v\` to false.
fn isNan(v: f32) -> bool { return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u; }

fn isExcluded(row: u32, column: u32) -> bool {
  for (var e = 0u; e < u.excludeCount; e++) {
    if (exclude[row * u.excludeCount + e] == i32(column)) { return true; }
  }
  return false;
}`;

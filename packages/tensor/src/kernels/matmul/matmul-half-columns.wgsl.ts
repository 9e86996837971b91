// matmulHalfColumns: c [M, N] = a [M, K] @ w^T for w [N, K] held column by column in binary16
// (HalfMatrix's k-major form: element (n, k) at half k * 8Q + n, Q = ceil(N / 8), the columns
// padded with zeros to 8Q). One invocation owns 8 adjacent columns of one row of c and walks k:
// per k it loads one vec4<u32> (its 8 columns' weights; neighbouring lanes load neighbouring
// words) and one a value that every lane of the workgroup shares (one scalar load). For the
// rows of a decoding step this reads the weights once, in order, with a quarter of the per-lane
// loads of the row-major form; on lavapipe the LM head at M = 1 took about 2.1 ms against 3.6
// for the tuned kernel's 4-row tile. Each product is summed over k in order in f32.

export const HALF_COLUMNS_WORKGROUP = 64;

export const matmulHalfColumnsWgsl = /* wgsl */ `
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> w: array<vec4u>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
struct Uniforms { M: u32, N: u32, K: u32 }
@group(0) @binding(3) var<uniform> u: Uniforms;

@compute @workgroup_size(${HALF_COLUMNS_WORKGROUP})
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(workgroup_id) group: vec3u) {
  let groups = (u.N + 7u) / 8u;
  // Lanes past the last column group repeat it (no divergent loop) and store nothing.
  let column = min(id.x, groups - 1u);
  let aBase = group.y * u.K;
  var low = vec4f(0.0);
  var high = vec4f(0.0);
  for (var k = 0u; k < u.K; k++) {
    let x = a[aBase + k];
    let h = w[k * groups + column];
    low += x * vec4f(unpack2x16float(h.x), unpack2x16float(h.y));
    high += x * vec4f(unpack2x16float(h.z), unpack2x16float(h.w));
  }
  if (id.x >= groups) { return; }
  let n0 = column * 8u;
  let cBase = group.y * u.N + n0;
  for (var j = 0u; j < 4u; j++) {
    if (n0 + j < u.N) { c[cBase + j] = low[j]; }
    if (n0 + 4u + j < u.N) { c[cBase + 4u + j] = high[j]; }
  }
}
`;

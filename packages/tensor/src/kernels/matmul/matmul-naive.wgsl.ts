// The readable specification of batched matmul in WGSL: one invocation per output element,
// a plain loop over K. Same contract as matmul.reference.ts; kept for clarity and as the
// benchmark's baseline, not for speed (llm.c keeps its kernel 1 the same way).
import type { UniformValues } from '../kernel-spec';

/** Workgroup of the naive kernel: 16 columns x 16 rows of C. */
export const MATMUL_NAIVE_WORKGROUP = [16, 16, 1] as const;

export function matmulNaiveWgsl(_constants: UniformValues): string {
  return /* wgsl */ `
struct Uniforms {
  batch: u32, M: u32, N: u32, K: u32,
  transposeA: u32, transposeB: u32,
  strideA: u32, strideB: u32, strideC: u32,
}
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> u: Uniforms;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  // Rows of all batches are stacked (batch * M) and spread over y and z to stay <= 65535 groups.
  let row = gid.y + gid.z * groups.y * 16u;
  let n = gid.x;
  if (n >= u.N || row >= u.batch * u.M) { return; }
  let batchIndex = row / u.M;
  let m = row % u.M;
  let aBase = batchIndex * u.strideA;
  let bBase = batchIndex * u.strideB;
  var sum = 0.0;
  for (var k = 0u; k < u.K; k++) {
    let aIndex = select(m * u.K + k, k * u.M + m, u.transposeA != 0u);
    let bIndex = select(k * u.N + n, n * u.K + k, u.transposeB != 0u);
    sum += a[aBase + aIndex] * b[bBase + bIndex];
  }
  c[batchIndex * u.strideC + m * u.N + n] = sum;
}
`;
}

// An upper bound for the tuned matmul on a given device: the same invocation layout (workgroup
// [S, 2, 1], 16 rows x 4 columns of vec4 accumulators per invocation, K/4 loop steps) doing the
// same 512 multiply-adds per step, but with no memory loads in the loop. The gap between this and
// `matmul` is what loads cost; the gap between this and PyTorch is what the driver's code
// generation costs (on lavapipe: SoA vectors of 8 lanes, masks, separate mul and add).
import type { KernelSpec } from '@prefixkit/tensor';

const ROWS = 16;

function wgsl(constants: Readonly<Record<string, number>>): string {
  const width = constants.subgroupSize || 8;
  const lines: string[] = [];
  for (let r = 0; r < 4; r++) {
    const component = 'xyzw'[r];
    for (let i = 0; i < ROWS; i++) lines.push(`acc${i} = acc${i} * s${i}.${component} + t${r};`);
  }
  const declarations = Array.from(
    { length: ROWS },
    (_, i) => `var acc${i} = vec4f(f32(lid.x)); let s${i} = vec4f(0.999 + f32(${i}) * 1e-4);`,
  );
  return /* wgsl */ `
struct Uniforms { batch: u32, M: u32, N: u32, K: u32, transposeA: u32, transposeB: u32, strideA: u32, strideB: u32, strideC: u32, }
@group(0) @binding(0) var<storage, read_write> c: array<vec4f>;
@group(0) @binding(1) var<uniform> u: Uniforms;
@compute @workgroup_size(${width}, 2, 1)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(global_invocation_id) gid: vec3u) {
  ${declarations.join('\n  ')}
  let t0 = vec4f(f32(u.M) * 1e-6); let t1 = t0 * 0.5; let t2 = t0 * 0.25; let t3 = t0 * 0.125;
  for (var k4 = 0u; k4 < u.K / 4u; k4++) {
    ${lines.join('\n    ')}
  }
  // One store keeps every accumulator alive; it is a few bytes against K/4 * 512 flops.
  c[(gid.x + gid.y * 7u) % 16u] = ${Array.from({ length: ROWS }, (_, i) => `acc${i}`).join(' + ')};
}`;
}

/** The ceiling kernel for an (M, K) @ (K, N) product, dispatched as `matmul` would be. */
export const fmaCeiling: KernelSpec = {
  name: 'fmaCeiling',
  wgsl,
  inputs: [],
  outputs: [{ name: 'c', type: 'f32' }],
  uniforms: [
    'batch',
    'M',
    'N',
    'K',
    'transposeA',
    'transposeB',
    'strideA',
    'strideB',
    'strideC',
  ].map((name) => ({ name, type: 'u32' as const })),
  workgroupSize: [8, 2, 1],
  dispatch: (uniforms, constants) => {
    const width = constants.subgroupSize || 8;
    const rowGroups = Math.ceil(Math.ceil((uniforms.M ?? 0) / ROWS) / 2);
    return [Math.ceil((uniforms.N ?? 0) / (width * 4)), rowGroups, 1];
  },
  tolerance: { atol: 0, rtol: 0 },
};

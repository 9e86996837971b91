// layerNormLinear: y [M, N] = act(LN(x) @ w + bias) for the few rows of a decoding step, in one
// dispatch where layerNormForward and matmulBias were two. On lavapipe a dispatch costs about as
// much as these small products themselves, and a GPT-2 step has two such pairs per layer.
//
// Each invocation owns 4 adjacent columns of every row. On a device with a fixed subgroup size S
// a workgroup is one subgroup: the lanes compute each row's mean and rstd together (strided
// partial sums, subgroupAdd; two passes, as layerNormForward), then walk k in blocks of S, each
// lane normalising one x[m, k] and handing it to every lane with subgroupBroadcast, so per k a
// lane loads only its vec4 of w (on lavapipe every per-lane load is a loop over the SIMD lanes,
// and loading x, the norm's weight and its bias per k made the product slower than the two
// kernels at GPT-2 small's shapes). Elsewhere (no subgroups, or not laid out as expected) each
// invocation computes the statistics itself and normalises x[m, k] as it reads it. w is bound as
// vec4f (sizes are rounded up to 16 bytes) and read a vec4 at a time when N % 4 == 0. The `rows`
// constant (1, 2, 4 or 8, at least M) unrolls the per-row accumulators.
import { InternalError } from '@prefixkit/errors';
import { fusedActivationWgsl } from '../activation/activation.wgsl';
import type { UniformValues } from '../kernel-spec';
import { declareBindings, type KernelInterface } from '../wgsl';

/** Lanes per workgroup without a fixed subgroup size. */
const DEFAULT_LANES = 64;
export const LAYER_NORM_LINEAR_ROW_CHOICES = [1, 2, 4, 8] as const;
/** The most rows one dispatch takes (ops fall back to layerNorm then linear above it). */
export const LAYER_NORM_LINEAR_MAX_ROWS = 8;
/**
 * The largest K * N the op fuses. Measured on lavapipe (microbenchmark, alternating): fused
 * faster than the two kernels at 128 x 384 and 128 x 512 (1 and 5 rows), slower at GPT-2
 * small's 768 x 2304 and 768 x 3072, where the product outweighs a dispatch and matmulBias's
 * register tiles (several rows per lane) win.
 */
export const LAYER_NORM_LINEAR_MAX_PRODUCT = 1 << 17;

/** The `rows` constant for M rows: the smallest choice that holds them. */
export function layerNormLinearRows(M: number): number {
  const rows = LAYER_NORM_LINEAR_ROW_CHOICES.find((choice) => choice >= M);
  if (rows === undefined)
    throw new InternalError(
      `layerNormLinear: at most ${LAYER_NORM_LINEAR_MAX_ROWS} rows, got ${M}`,
    );
  return rows;
}

/** Invocations per workgroup for these constants: the subgroup size where fixed, else 64. */
export function layerNormLinearLanes(constants: UniformValues): number {
  const size = constants.subgroupSize ?? 0;
  return size >= 4 ? size : DEFAULT_LANES;
}

function repeat(count: number, line: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => line(index)).join('\n    ');
}

/**
 * Mean and rstd of each row i into mean{i}, rstd{i}: this invocation walks k = start, start +
 * stride, ... and `reduce` (a WGSL function name, or '' for none) sums the partial results over
 * the subgroup.
 */
function statistics(rows: number, start: string, stride: number, reduce: string): string {
  return repeat(
    rows,
    (i) => `var sum${i} = 0.0;
    for (var k = ${start}; k < u.K; k += ${stride}u) { sum${i} += x[row${i} * u.K + k]; }
    let mean${i} = ${reduce}(sum${i}) / f32(u.K);
    var squares${i} = 0.0;
    for (var k = ${start}; k < u.K; k += ${stride}u) { let d = x[row${i} * u.K + k] - mean${i}; squares${i} += d * d; }
    let rstd${i} = 1.0 / sqrt(${reduce}(squares${i}) / f32(u.K) + u.eps);`,
  );
}

const normalised = (i: number, k: string) =>
  `(x[row${i} * u.K + ${k}] - mean${i}) * rstd${i} * lnWeight[${k}] + lnBias[${k}]`;

/** The product walking k one at a time, normalising as it reads (any device). */
function plainLoop(rows: number): string {
  return `for (var k = 0u; k < u.K; k++) {
      let wk = loadW(k, n0);
      ${repeat(rows, (i) => `acc${i} += (${normalised(i, 'k')}) * wk;`)}
    }`;
}

/** The product in blocks of S k's: lane l normalises k0 + l, broadcast to every lane in turn. */
function subgroupLoop(rows: number, S: number): string {
  return `for (var k0 = 0u; k0 < u.K; k0 += ${S}u) {
      let k = min(k0 + lane, u.K - 1u);
      ${repeat(rows, (i) => `let xn${i} = ${normalised(i, 'k')};`)}
      let count = min(${S}u, u.K - k0);
      ${repeat(
        S,
        (j) => `if (${j}u < count) {
        let wk = loadW(k0 + ${j}u, n0);
        ${Array.from({ length: rows }, (_, i) => `acc${i} += subgroupBroadcast(xn${i}, ${j}u) * wk;`).join(' ')}
      }`,
      )}
    }`;
}

export function layerNormLinearWgsl(kernel: KernelInterface, constants: UniformValues): string {
  const rows = constants.rows ?? 0;
  if (!(LAYER_NORM_LINEAR_ROW_CHOICES as readonly number[]).includes(rows))
    throw new InternalError(
      `layerNormLinear constant rows: expected one of ${LAYER_NORM_LINEAR_ROW_CHOICES.join(', ')}, got ${rows}`,
    );
  const activation = constants.activation ?? 0;
  const fused = fusedActivationWgsl(activation, 'y');
  if (fused === undefined)
    throw new InternalError(`layerNormLinear constant activation: expected 0-3, got ${activation}`);
  const { helpers, apply } = fused;
  const lanes = layerNormLinearLanes(constants);
  const subgroups = (constants.subgroupSize ?? 0) >= 4;
  const body = subgroups
    ? `if (laneCount == ${lanes}u && subgroupAll(lane == lid)) {
    ${statistics(rows, 'lane', lanes, 'subgroupAdd')}
    ${subgroupLoop(rows, lanes)}
    ${repeat(rows, (i) => `store(${i}u, n0, acc${i});`)}
  } else {
    ${statistics(rows, '0u', 1, '')}
    ${plainLoop(rows)}
    ${repeat(rows, (i) => `store(${i}u, n0, acc${i});`)}
  }`
    : `${statistics(rows, '0u', 1, '')}
    ${plainLoop(rows)}
    ${repeat(rows, (i) => `store(${i}u, n0, acc${i});`)}`;
  const builtins = subgroups
    ? ', @builtin(subgroup_invocation_id) lane: u32, @builtin(subgroup_size) laneCount: u32'
    : '';
  return /* wgsl */ `${subgroups ? 'enable subgroups;\ndiagnostic(off, subgroup_uniformity);\n' : ''}${helpers}
${declareBindings(kernel)}

// w[k, n0 .. n0 + 3]; columns past N read column N - 1 (their products are never stored).
fn loadW(k: u32, n0: u32) -> vec4f {
  let first = k * u.N + n0;
  if (u.N % 4u == 0u) { return w[first >> 2u]; }
  var v = vec4f(0.0);
  for (var j = 0u; j < 4u; j++) {
    let i = k * u.N + min(n0 + j, u.N - 1u);
    v[j] = w[i >> 2u][i & 3u];
  }
  return v;
}

var<private> inRange: bool;

fn activate(y: f32) -> f32 { return ${apply}; }

fn store(row: u32, n0: u32, acc: vec4f) {
  if (row >= u.M || !inRange) { return; }
  for (var j = 0u; j < 4u && n0 + j < u.N; j++) {
    y[row * u.N + n0 + j] = activate(acc[j] + bias[n0 + j]);
  }
}

@compute @workgroup_size(${lanes})
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(local_invocation_index) lid: u32${builtins}) {
  // Invocations past the last column block compute on column N - 1 and store nothing.
  inRange = id.x * 4u < u.N;
  let n0 = min(id.x * 4u, u.N - 1u);
  ${repeat(rows, (i) => `let row${i} = min(${i}u, u.M - 1u);\n  var acc${i} = vec4f(0.0);`)}
  ${body}
}
`;
}

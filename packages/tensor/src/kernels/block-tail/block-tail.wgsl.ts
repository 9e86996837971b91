// blockTail: what a pre-LN transformer block computes after its attention heads, for the few
// rows of a decoding step, in one dispatch where matmulBiasResidual, layerNormLinear and
// matmulBiasResidual were three:
//   h = (a @ wo + bo) + x;   y = (act(LN(h) @ w1 + b1) @ w2 + b2) + h
// The MLP's layer norm needs the whole of h and its down projection the whole hidden layer, so
// one workgroup computes a whole row, with h, LN(h) and the hidden layer in workgroup memory.
// That gives up spreading the products over the device (lavapipe's two threads) to save two
// dispatches, each about a hundred microseconds of fixed cost there: a win for a row or two of a
// small model (BLOCK_TAIL_MAX_ROWS), not beyond. Each lane owns 4 adjacent output columns at a
// time (vec4 loads of the weights when the width is a multiple of 4) and walks k in order,
// summing in f32 as the matmul kernels do; the layer norm is two passes over h (mean, then the
// biased variance), as layerNormForward's. The uniforms C and F are the sizes and bound every
// loop (constant bounds were unrolled by the shader compiler: up to 14 s per pipeline on
// lavapipe); the constants `channels` and `hidden` only size the workgroup arrays
// (blockTailCapacity of C and F).
import { InternalError } from '@prefixkit/errors';
import { fusedActivationWgsl } from '../activation/activation.wgsl';
import type { UniformValues } from '../kernel-spec';
import { declareBindings, type KernelInterface } from '../wgsl';

/** Invocations per workgroup (one workgroup per row). */
export const BLOCK_TAIL_LANES = 32;
/**
 * The most rows one dispatch takes (the op runs the separate kernels above it). Measured on
 * lavapipe at 128 x 512 (alternating with the three kernels): 195 against 408 us at one row,
 * 361 against 418 at two, level at five, 762 against 403 at eight, where one workgroup per row
 * leaves each of the two threads several rows of arithmetic the separate kernels share out.
 */
export const BLOCK_TAIL_MAX_ROWS = 4;
/**
 * The largest of the three products (C * C, C * F, F * C) the op fuses: where a dispatch costs
 * as much as the product (as layerNormLinear's bound), and one workgroup per row is not left with
 * a product a whole device would do better.
 */
export const BLOCK_TAIL_MAX_PRODUCT = 1 << 17;
/** Floats of workgroup memory the kernel may use (2C + F + lanes; WebGPU guarantees 4096). */
export const BLOCK_TAIL_MAX_SHARED = 3072;

/** Whether C channels and F hidden units fit the kernel (its products and workgroup arrays). */
export function blockTailFits(channels: number, hidden: number): boolean {
  return (
    channels > 0 &&
    hidden > 0 &&
    channels * Math.max(channels, hidden) <= BLOCK_TAIL_MAX_PRODUCT &&
    2 * blockTailCapacity(channels) + blockTailCapacity(hidden) + BLOCK_TAIL_LANES <=
      BLOCK_TAIL_MAX_SHARED
  );
}

/** The capacity of a workgroup array for `count` floats: the next power of two (at least 4). */
export function blockTailCapacity(count: number): number {
  return Math.max(4, 2 ** Math.ceil(Math.log2(Math.max(1, count))));
}

/** A function loading row k, columns n0 .. n0 + 3 of the [K, N] matrix bound as vec4f `name`. */
function loader(name: string, N: string): string {
  // Columns past N read column N - 1 (their products are never stored).
  return `fn load_${name}(k: u32, n0: u32) -> vec4f {
  if (${N} % 4u == 0u) { return ${name}[(k * ${N} + n0) >> 2u]; }
  var v = vec4f(0.0);
  for (var j = 0u; j < 4u; j++) {
    let i = k * ${N} + min(n0 + j, ${N} - 1u);
    v[j] = ${name}[i >> 2u][i & 3u];
  }
  return v;
}`;
}

/**
 * For every 4-column group of N columns owned by this lane: acc = sum over k < K of source[k] *
 * weight[k, n0 .. n0 + 3], then `store` (WGSL statements over n = n0 + j and value).
 */
function product(weight: string, source: string, K: string, N: string, store: string): string {
  return `for (var n0 = lid * 4u; n0 < ${N}; n0 += ${4 * BLOCK_TAIL_LANES}u) {
    var acc = vec4f(0.0);
    for (var k = 0u; k < ${K}; k++) { acc += ${source}[k] * load_${weight}(k, n0); }
    for (var j = 0u; j < 4u && n0 + j < ${N}; j++) {
      let n = n0 + j;
      let value = acc[j];
      ${store}
    }
  }
  workgroupBarrier();`;
}

export function blockTailWgsl(kernel: KernelInterface, constants: UniformValues): string {
  // The loops run to the uniforms C and F (constant bounds would be unrolled by the shader
  // compiler, minutes for some shapes on lavapipe); the constants size the workgroup arrays.
  const channels = constants.channels ?? 0;
  const hidden = constants.hidden ?? 0;
  if (
    channels < 1 ||
    hidden < 1 ||
    2 * channels + hidden + BLOCK_TAIL_LANES > BLOCK_TAIL_MAX_SHARED
  )
    throw new InternalError(
      `blockTail: capacities ${channels} and ${hidden} do not fit the kernel's workgroup memory`,
    );
  const activation = constants.activation ?? 0;
  const fused = fusedActivationWgsl(activation, 'v');
  if (fused === undefined)
    throw new InternalError(`blockTail constant activation: expected 0-3, got ${activation}`);
  const { helpers, apply } = fused;
  const L = BLOCK_TAIL_LANES;
  return /* wgsl */ `${helpers}
${declareBindings(kernel)}

${loader('wo', 'u.C')}
${loader('w1', 'u.F')}
${loader('w2', 'u.C')}

fn activate(v: f32) -> f32 { return ${apply}; }

// a's row, then LN(h).
var<workgroup> row: array<f32, ${channels}>;
var<workgroup> h: array<f32, ${channels}>;
var<workgroup> hiddenRow: array<f32, ${hidden}>;
var<workgroup> partial: array<f32, ${L}>;

// The sum of every lane's value, the same on every lane (partials added in lane order).
fn workgroupSum(value: f32, lid: u32) -> f32 {
  partial[lid] = value;
  workgroupBarrier();
  var total = 0.0;
  for (var l = 0u; l < ${L}u; l++) { total += partial[l]; }
  workgroupBarrier();
  return total;
}

@compute @workgroup_size(${L})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) lid: u32) {
  let base = group.x * u.C;
  for (var c = lid; c < u.C; c += ${L}u) { row[c] = a[base + c]; }
  workgroupBarrier();
  ${product('wo', 'row', 'u.C', 'u.C', 'h[n] = (value + bo[n]) + x[base + n];')}
  var sum = 0.0;
  for (var c = lid; c < u.C; c += ${L}u) { sum += h[c]; }
  let mean = workgroupSum(sum, lid) / f32(u.C);
  var squares = 0.0;
  for (var c = lid; c < u.C; c += ${L}u) { let d = h[c] - mean; squares += d * d; }
  let rstd = 1.0 / sqrt(workgroupSum(squares, lid) / f32(u.C) + u.eps);
  for (var c = lid; c < u.C; c += ${L}u) { row[c] = (h[c] - mean) * rstd * lnWeight[c] + lnBias[c]; }
  workgroupBarrier();
  ${product('w1', 'row', 'u.C', 'u.F', 'hiddenRow[n] = activate(value + b1[n]);')}
  ${product('w2', 'hiddenRow', 'u.F', 'u.C', 'y[base + n] = (value + b2[n]) + h[n];')}
}
`;
}

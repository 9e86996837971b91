// The tuned batched matmul (`matmul`): same contract as matmul.reference.ts. Each invocation
// owns a TM x TN block of C (16 rows x 4 columns) held in registers; there is no workgroup
// memory and no barrier (no barrier is fastest on lavapipe: packages/tensor/README.md).
// Products with few rows (decoding: one row per sequence) waste most of a 16-row tile, so the
// `matmulRows` constant (4, 8 or 16) and `matmulWorkgroupRows` (1 or 2 subgroup rows per
// workgroup) build smaller tiles; ops/matmul.ts picks them from M (matmulTileConstants).
//
// Three paths, chosen per dispatch by uniform values (so one pipeline serves every shape):
// - aligned fast (matmul-subgroup-path.wgsl.ts): when the device has subgroups of the size the
//   shader was built for and every row of A and B it reads starts on a vec4: K % 4 == 0, batch
//   strides of A and B % 4 == 0, M % 4 == 0 when A is transposed, N % 4 == 0 when B is not. The
//   invocations of one subgroup share their 16 rows: A is loaded once per subgroup, spread over
//   the lanes, and handed to every lane with subgroupBroadcast, so each lane only loads its own
//   B columns. On lavapipe every per-lane load is a loop over the SIMD lanes, and this cuts
//   loads per FMA about 4x.
// - ragged fast (matmul-ragged-path.wgsl.ts): the same scheme for every other shape and batch
//   stride on such a device (GPT-2's vocabulary, 50257, puts the LM head's backward products
//   here): misaligned rows are read as windows of two aligned vec4s.
//   Both fast paths cover floor(K / 4) * 4 of K; a scalar tail adds the last K % 4.
// - generic (below): scalar loads with bounds clamping, any shape, any device (no subgroups, or
//   subgroups of another size); on lavapipe about 2-3 GFLOP/s against 12-25 for the fast path
//   (docs/experiments/2026-11-26-lavapipe-matmul.md).
// All paths clamp out-of-range rows/columns on load and skip them on store, so the inner loops
// have no bounds branches. matmulPathOf() says in TypeScript which path a dispatch takes, and the
// `reportPath` constant makes the shader write its path id into C instead (tests check the two
// agree).
import { InternalError } from '@prefixkit/errors';
import { fusedActivationWgsl } from '../activation/activation.wgsl';
import type { UniformValues } from '../kernel-spec';
import { raggedPathWgsl, windowOfWgsl } from './matmul-ragged-path.wgsl';
import {
  fastPathWgsl,
  MATMUL_ROW_CHOICES,
  MATMUL_ROWS_PER_THREAD,
} from './matmul-subgroup-path.wgsl';

/** Columns per invocation (one vec4). */
export const MATMUL_COLUMNS_PER_THREAD = 4;
/** Subgroup rows per workgroup: two was fastest on lavapipe (2-core, 2025 Mesa). */
export const MATMUL_WORKGROUP_ROWS = 2;
/** Workgroup width without subgroups. */
const DEFAULT_WIDTH = 8;

/** Rows of C per invocation for these constants (`matmulRows`: 4, 8 or 16, default 16). */
function rowsOf(constants: UniformValues): number {
  const rows = constants.matmulRows ?? MATMUL_ROWS_PER_THREAD;
  if (!MATMUL_ROW_CHOICES.includes(rows))
    throw new InternalError(
      `matmul constant matmulRows: expected one of ${MATMUL_ROW_CHOICES.join(', ')}, got ${rows}`,
    );
  return rows;
}

/** Subgroup rows per workgroup for these constants (`matmulWorkgroupRows`: 1 or 2, default 2). */
function workgroupRowsOf(constants: UniformValues): number {
  const rows = constants.matmulWorkgroupRows ?? MATMUL_WORKGROUP_ROWS;
  if (rows !== 1 && rows !== 2)
    throw new InternalError(`matmul constant matmulWorkgroupRows: expected 1 or 2, got ${rows}`);
  return rows;
}

/** The tile a workgroup covers, for the dispatch computation. */
export function matmulTile(constants: UniformValues) {
  const width = constants.subgroupSize || DEFAULT_WIDTH;
  const threadsY = workgroupRowsOf(constants);
  return {
    workgroupSize: [width, threadsY, 1] as const,
    columnsPerGroup: width * MATMUL_COLUMNS_PER_THREAD,
    rowsPerThread: rowsOf(constants),
    threadsY,
  };
}

/**
 * The tile constants for a product with M rows: 4-row tiles in one-subgroup workgroups up to 4
 * rows, 8-row tiles up to 8, else the default (empty: 16 rows, two subgroups).
 */
export function matmulTileConstants(M: number): UniformValues {
  if (M <= 4) return { matmulRows: 4, matmulWorkgroupRows: 1 };
  if (M <= 8) return { matmulRows: 8, matmulWorkgroupRows: 1 };
  return {};
}

function repeat(count: number, line: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => line(index)).join('\n  ');
}

/** Path ids the shader writes into C under the `reportPath` constant. */
export const MATMUL_PATHS = { generic: 1, aligned: 2, ragged: 3 } as const;
export type MatmulPath = keyof typeof MATMUL_PATHS;

/**
 * The path the tuned kernel takes for these uniforms on a device with these constants (the
 * TypeScript mirror of the shader's choice; lanes laid out as the x row of the workgroup).
 */
export function matmulPathOf(uniforms: UniformValues, constants: UniformValues): MatmulPath {
  if (!constants.subgroupSize) return 'generic';
  const { M = 0, N = 0, K = 0, transposeA = 0, transposeB = 0 } = uniforms;
  const { strideA = 0, strideB = 0 } = uniforms;
  const aligned =
    K % 4 === 0 &&
    strideA % 4 === 0 &&
    strideB % 4 === 0 &&
    (transposeA === 0 || M % 4 === 0) &&
    (transposeB !== 0 || N % 4 === 0);
  return aligned ? 'aligned' : 'ragged';
}

/**
 * Generic path from k = `kStart` (a WGSL u32 expression) to K: per k, TM scalar A loads and 4
 * scalar B loads feed TM vec4 FMAs. From 0 it is the whole product; after a fast path, its tail.
 */
function genericPathWgsl(kStart: string, rows: number): string {
  return `
  let aRowStride = select(u.K, 1u, u.transposeA != 0u);
  let aKStride = select(1u, u.M, u.transposeA != 0u);
  let bKStride = select(u.N, 1u, u.transposeB != 0u);
  let bColumnStride = select(1u, u.K, u.transposeB != 0u);
  ${repeat(rows, (i) => `let aRow${i} = aBase + min(m0 + ${i}u, u.M - 1u) * aRowStride;`)}
  ${repeat(4, (j) => `let bColumn${j} = bBase + min(n0 + ${j}u, u.N - 1u) * bColumnStride;`)}
  for (var k = ${kStart}; k < u.K; k++) {
    let bk = k * bKStride;
    let bv = vec4f(readB(bColumn0 + bk), readB(bColumn1 + bk), readB(bColumn2 + bk), readB(bColumn3 + bk));
    let ak = k * aKStride;
    ${repeat(rows, (i) => `acc${i} += readA(aRow${i} + ak) * bv;`)}
  }`;
}

/**
 * What the fused variants do to each product before storing it (2-D products only: C [M, N]):
 * add bias [N], apply the activation named by the `activation` constant
 * (MATMUL_ACTIVATIONS), then add `residual` [M, N] when the variant binds one.
 */
export interface MatmulEpilogue {
  readonly residual: boolean;
}

/** Values of the fused variants' `activation` constant. */
export const MATMUL_ACTIVATIONS = { none: 0, gelu: 1, 'gelu-exact': 2, relu: 3 } as const;
export type MatmulActivation = keyof typeof MATMUL_ACTIVATIONS;

function epilogueWgsl(constants: UniformValues, epilogue: MatmulEpilogue): string {
  const activation = constants.activation ?? 0;
  const fused = fusedActivationWgsl(activation, 'y');
  if (fused === undefined)
    throw new InternalError(`matmul constant activation: expected 0-3, got ${activation}`);
  const { helpers, apply } = fused;
  return `${helpers}
// Bias, activation${epilogue.residual ? ', residual' : ''} on element (row, n) of C, at C index cIndex.
fn epilogue(cIndex: u32, n: u32, v: f32) -> f32 {
  let y = v + bias[n];
  return ${apply}${epilogue.residual ? ' + residual[cIndex]' : ''};
}`;
}

/**
 * B's binding and loadB(i): elements 4i..4i+3 of B. With `halfB`, B's elements are IEEE
 * binary16 values packed two per u32 word (element e in word e / 2, the low half first), so a
 * vec4 of B is one vec2<u32> at the same index: half the loads of f32 for the same products.
 */
function bBindingWgsl(halfB: boolean): string {
  if (!halfB)
    return `@group(0) @binding(1) var<storage, read> b: array<vec4f>;
fn loadB(i: u32) -> vec4f { return b[i]; }`;
  return `@group(0) @binding(1) var<storage, read> b: array<vec2u>;
fn loadB(i: u32) -> vec4f {
  let words = b[i];
  return vec4f(unpack2x16float(words.x), unpack2x16float(words.y));
}`;
}

/**
 * WGSL of the tuned kernel; `constants.subgroupSize` (0 or absent: none) enables the fast paths
 * and `constants.reportPath` (tests) stores path ids instead of products. With `epilogue` it is
 * a fused variant (bindings a, b, bias[, residual], c).
 */
export function matmulBlockedWgsl(
  constants: UniformValues,
  epilogue: MatmulEpilogue | null = null,
  halfB = false,
): string {
  const subgroupSize = constants.subgroupSize ?? 0;
  const tile = matmulTile(constants);
  const rows = tile.rowsPerThread;
  const subgroupBuiltins = subgroupSize
    ? ', @builtin(subgroup_invocation_id) lane: u32, @builtin(subgroup_size) laneCount: u32'
    : '';
  const report = (path: MatmulPath) =>
    constants.reportPath ? `path = ${MATMUL_PATHS[path]}u;` : '';
  const dispatchPaths = subgroupSize
    ? `
  if (laneCount == ${subgroupSize}u && subgroupAll(lane == lid.x)) {
    if (alignedFastPath()) {
      ${report('aligned')}
      ${fastPathWgsl(subgroupSize, rows)}
    } else {
      ${report('ragged')}
      ${raggedPathWgsl(subgroupSize, rows)}
    }
    // The last K % 4 of k.
    ${genericPathWgsl('u.K / 4u * 4u', rows)}
  } else {
    ${report('generic')}
    ${genericPathWgsl('0u', rows)}
  }`
    : `${report('generic')}
  ${genericPathWgsl('0u', rows)}`;
  // Under reportPath (tests only) every stored element is the id of the path that ran.
  const reportStore = constants.reportPath
    ? repeat(rows, (i) => `acc${i} = vec4f(f32(path));`)
    : '';
  const extra = epilogue ? (epilogue.residual ? 2 : 1) : 0;
  const extraBindings = epilogue
    ? `@group(0) @binding(2) var<storage, read> bias: array<f32>;
${epilogue.residual ? '@group(0) @binding(3) var<storage, read> residual: array<f32>;' : ''}
${epilogueWgsl(constants, epilogue)}`
    : '';
  const finish = (index: string, n: string, value: string) =>
    epilogue ? `epilogue(${index}, ${n}, ${value})` : value;
  return /* wgsl */ `${subgroupSize ? 'enable subgroups;\ndiagnostic(off, subgroup_uniformity);' : ''}
struct Uniforms {
  batch: u32, M: u32, N: u32, K: u32,
  transposeA: u32, transposeB: u32,
  strideA: u32, strideB: u32, strideC: u32,
}
// vec4 views of f32 buffers: the backend binds sizes rounded up to 16 bytes.
@group(0) @binding(0) var<storage, read> a: array<vec4f>;
${bBindingWgsl(halfB)}
${extraBindings}
@group(0) @binding(${2 + extra}) var<storage, read_write> c: array<vec4f>;
@group(0) @binding(${3 + extra}) var<uniform> u: Uniforms;

fn readA(index: u32) -> f32 { return a[index >> 2u][index & 3u]; }
fn readB(index: u32) -> f32 { return loadB(index >> 2u)[index & 3u]; }

// The aligned fast path reads rows of A along K (or, transposed, along M) and rows of B along N
// (or, transposed, along K) as whole vec4s: those lengths and every batch stride must be
// multiples of 4 (matmulPathOf mirrors this).
fn alignedFastPath() -> bool {
  let aligned = u.K % 4u == 0u && u.strideA % 4u == 0u && u.strideB % 4u == 0u;
  let aOk = u.transposeA == 0u || u.M % 4u == 0u;
  let bOk = u.transposeB != 0u || u.N % 4u == 0u;
  return aligned && aOk && bOk;
}
${subgroupSize ? windowOfWgsl : ''}

fn storeRow(inRange: bool, cBase: u32, row: u32, n0: u32, value: vec4f) {
  if (!inRange || row >= u.M || n0 >= u.N) { return; }
  let first = cBase + row * u.N + n0;
  if (u.N % 4u == 0u && u.strideC % 4u == 0u) {
    c[first >> 2u] = ${
      epilogue
        ? `vec4f(${[0, 1, 2, 3].map((j) => finish(`first + ${j}u`, `n0 + ${j}u`, `value[${j}]`)).join(', ')})`
        : 'value'
    };
    return;
  }
  for (var j = 0u; j < 4u && n0 + j < u.N; j++) {
    c[(first + j) >> 2u][(first + j) & 3u] = ${finish('first + j', 'n0 + j', 'value[j]')};
  }
}

@compute @workgroup_size(${tile.workgroupSize[0]}, ${tile.workgroupSize[1]}, 1)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u,
        @builtin(num_workgroups) groups: vec3u${subgroupBuiltins}) {
  // Row blocks of all batches are stacked and spread over y and z (<= 65535 groups each).
  let rowBlock = (wid.y + wid.z * groups.y) * ${tile.threadsY}u + lid.y;
  let blocksPerBatch = (u.M + ${rows - 1}u) / ${rows}u;
  let inRange = rowBlock / blocksPerBatch < u.batch;
  // Out-of-range invocations still run (the fast path needs every lane) on clamped indices.
  let batchIndex = min(rowBlock / blocksPerBatch, u.batch - 1u);
  let m0 = (rowBlock % blocksPerBatch) * ${rows}u;
  let n0 = wid.x * ${tile.columnsPerGroup}u + lid.x * 4u;
  let aBase = batchIndex * u.strideA;
  let bBase = batchIndex * u.strideB;
  ${repeat(rows, (i) => `var acc${i} = vec4f(0.0);`)}
  ${constants.reportPath ? 'var path = 0u;' : ''}
  ${dispatchPaths}
  ${reportStore}
  let cBase = batchIndex * u.strideC;
  ${repeat(rows, (i) => `storeRow(inRange, cBase, m0 + ${i}u, n0, acc${i});`)}
}
`;
}

// The two matmul kernels as KernelSpec values: `matmulNaive` (readable spec) and `matmul`
// (register-blocked, the one ops use). Same bindings, uniforms, reference and tolerance.
import type { KernelSpec, KernelUniform, UniformValues } from '../kernel-spec';
import { matmulBlockedWgsl, matmulTile } from './matmul-blocked.wgsl';
import { HALF_COLUMNS_WORKGROUP, matmulHalfColumnsWgsl } from './matmul-half-columns.wgsl';
import { MATMUL_NAIVE_WORKGROUP, matmulNaiveWgsl } from './matmul-naive.wgsl';

const MAX_GROUPS = 65535;

const uniforms: readonly KernelUniform[] = [
  'batch',
  'M',
  'N',
  'K',
  'transposeA',
  'transposeB',
  'strideA',
  'strideB',
  'strideC',
].map((name) => ({ name, type: 'u32' as const }));

const bindings = {
  inputs: [
    { name: 'a', type: 'f32' },
    { name: 'b', type: 'f32' },
  ],
  outputs: [{ name: 'c', type: 'f32' }],
} as const;

// f32 sums of up to ~4096 products in a different order than the double reference.
const tolerance = { atol: 1e-4, rtol: 1e-4 };

/**
 * Workgroups for a kernel whose invocations each own `rowsPerThread` rows of one batch and whose
 * workgroups cover `columnsPerGroup` columns and `threadsY` such row blocks. The row blocks of
 * all batches are stacked (batch * ceil(M / rowsPerThread)) and spill from y into z so y stays
 * <= 65535; kernels recombine them as y + z * groups.y.
 */
export function stackedRowDispatch(
  uniforms: UniformValues,
  tile: { columnsPerGroup: number; rowsPerThread: number; threadsY: number },
): readonly [number, number, number] {
  const { batch = 1, M = 0, N = 0 } = uniforms;
  const x = Math.ceil(N / tile.columnsPerGroup);
  const rowGroups = Math.ceil((batch * Math.ceil(M / tile.rowsPerThread)) / tile.threadsY);
  if (x === 0 || rowGroups === 0) return [0, 0, 0];
  const y = Math.min(rowGroups, MAX_GROUPS);
  return [x, y, Math.ceil(rowGroups / y)];
}

export const matmulNaive: KernelSpec = {
  name: 'matmulNaive',
  wgsl: matmulNaiveWgsl,
  ...bindings,
  uniforms,
  workgroupSize: MATMUL_NAIVE_WORKGROUP,
  dispatch: (values) =>
    stackedRowDispatch(values, {
      columnsPerGroup: MATMUL_NAIVE_WORKGROUP[0],
      rowsPerThread: 1,
      threadsY: MATMUL_NAIVE_WORKGROUP[1],
    }),
  tolerance,
};

export const matmul: KernelSpec = {
  name: 'matmul',
  wgsl: matmulBlockedWgsl,
  ...bindings,
  uniforms,
  // With subgroups of size S the workgroup is [S, 2, 1]; this is the lavapipe value (S = 8).
  workgroupSize: matmulTile({ subgroupSize: 8 }).workgroupSize,
  dispatch: (values, constants) => stackedRowDispatch(values, matmulTile(constants)),
  tolerance,
};

const fusedInputs = [
  { name: 'a', type: 'f32' },
  { name: 'b', type: 'f32' },
  { name: 'bias', type: 'f32' },
] as const;

// One f32 rounding more (the bias add) and the activation's own tolerance on top of matmul's.
const fusedTolerance = { atol: 2e-4, rtol: 2e-4 };

/**
 * The tuned kernel with an epilogue, for 2-D products C [M, N] = A B + bias [N], then the
 * activation of the `activation` constant (MATMUL_ACTIVATIONS; 0 = none): a linear layer in one
 * dispatch. Same uniforms as `matmul` (batch 1).
 */
export const matmulBias: KernelSpec = {
  ...matmul,
  name: 'matmulBias',
  wgsl: (constants) => matmulBlockedWgsl(constants, { residual: false }),
  inputs: fusedInputs,
  tolerance: fusedTolerance,
};

/** matmulBias, then + residual [M, N] (a transformer block's residual stream) before storing. */
export const matmulBiasResidual: KernelSpec = {
  ...matmul,
  name: 'matmulBiasResidual',
  wgsl: (constants) => matmulBlockedWgsl(constants, { residual: true }),
  inputs: [...fusedInputs, { name: 'residual', type: 'f32' }],
  tolerance: fusedTolerance,
};

/**
 * `matmul` with B's elements stored as IEEE binary16, two per u32 word (element e of B's
 * row-major storage in word e / 2, low half first), widened to f32 on load and summed in f32.
 * Same uniforms as `matmul`: for frozen weights whose values are exact in binary16, it computes
 * what `matmul` does on their f32 copy while loading half the bytes.
 */
export const matmulHalfB: KernelSpec = {
  ...matmul,
  name: 'matmulHalfB',
  wgsl: (constants) => matmulBlockedWgsl(constants, null, true),
  inputs: [
    { name: 'a', type: 'f32' },
    { name: 'b', type: 'u32' },
  ],
};

/**
 * c [M, N] = a [M, K] @ w^T with w [N, K] as binary16 in HalfMatrix's k-major form: words
 * [K, 4 * ceil(N / 8)], element (n, k) in half k * 8 * ceil(N / 8) + n. For products with a few
 * rows (a decoding step's LM head); one workgroup row per row of a.
 */
export const matmulHalfColumns: KernelSpec = {
  name: 'matmulHalfColumns',
  wgsl: () => matmulHalfColumnsWgsl,
  inputs: [
    { name: 'a', type: 'f32' },
    { name: 'w', type: 'u32' },
  ],
  outputs: [{ name: 'c', type: 'f32' }],
  uniforms: ['M', 'N', 'K'].map((name) => ({ name, type: 'u32' as const })),
  workgroupSize: [HALF_COLUMNS_WORKGROUP, 1, 1],
  dispatch: ({ M = 0, N = 0 }) =>
    M * N === 0 ? [0, 0, 0] : [Math.ceil(Math.ceil(N / 8) / HALF_COLUMNS_WORKGROUP), M, 1],
  tolerance,
};

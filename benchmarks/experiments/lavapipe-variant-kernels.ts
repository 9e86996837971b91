// WGSL of the matmul variants that lavapipe-variants.ts times against the tuned kernel: each
// changes one thing about the tuned kernel's aligned forward path (matmul-subgroup-path.wgsl.ts)
// to test one idea for cutting its cost on lavapipe. All compute C = A @ B for row-major
// A (M, K) and B (K, N) with K and N multiples of 4, and are dispatched by `variantDispatch`.
//
// - `broadcast`: the tuned kernel's scheme, with its tile as parameters. A subgroup of 8 lanes
//   owns `rows` rows of C; each lane owns `vec4Columns` vec4 columns and loads only its B; A's
//   rows are loaded once per subgroup and handed out with subgroupBroadcast.
//   Options: multiply-add as WGSL's fma() instead of `a * b + c`; operands read with
//   textureLoad from rgba32float textures; from workgroup memory or from uniform buffers (timing
//   only: 16 KiB and 64 KiB windows of the operands, so the product is wrong).
// - `uniformB`: lanes own rows instead and the whole subgroup reads the same B address, so B's
//   loads are subgroup-uniform (a driver may load them once); A is loaded per lane.

export type OperandSource = 'storage' | 'texture' | 'workgroup' | 'uniform';

export interface BroadcastVariant {
  readonly kind: 'broadcast';
  readonly name: string;
  /** Rows of C per subgroup (a multiple of 8). */
  readonly rows: number;
  /** vec4 columns of C per lane. */
  readonly vec4Columns: number;
  readonly fma: boolean;
  readonly source: OperandSource;
}

export interface UniformBVariant {
  readonly kind: 'uniformB';
  readonly name: string;
  /** Rows of C per lane (8 lanes: 8 * rowsPerLane per subgroup). */
  readonly rowsPerLane: number;
  /** vec4 columns of C per subgroup, the same for every lane. */
  readonly vec4Columns: number;
}

export type MatmulVariant = BroadcastVariant | UniformBVariant;

const LANES = 8;
/** Subgroups per workgroup (rows of the workgroup), as in the tuned kernel. */
const WORKGROUP_ROWS = 2;
/** vec4s of each operand copied to workgroup memory by the `workgroup` source. */
const WORKGROUP_WINDOW = 1024;
/** vec4s of each operand in the `uniform` source's 64 KiB uniform buffers. */
export const UNIFORM_WINDOW = 4096;

const lines = (count: number, line: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => line(index));

function operandDeclarations(source: OperandSource): string {
  if (source === 'texture')
    return `@group(0) @binding(0) var aTex: texture_2d<f32>;
@group(0) @binding(1) var bTex: texture_2d<f32>;`;
  const buffers = `@group(0) @binding(0) var<storage, read> a: array<vec4f>;
@group(0) @binding(1) var<storage, read> b: array<vec4f>;`;
  if (source === 'storage') return buffers;
  if (source === 'uniform')
    return `@group(0) @binding(0) var<uniform> aWindow: array<vec4f, ${UNIFORM_WINDOW}>;
@group(0) @binding(1) var<uniform> bWindow: array<vec4f, ${UNIFORM_WINDOW}>;`;
  return `${buffers}
var<workgroup> aShared: array<vec4f, ${WORKGROUP_WINDOW}>;
var<workgroup> bShared: array<vec4f, ${WORKGROUP_WINDOW}>;`;
}

/** A vec4 of A (row `row`, k = 4 * k4 ..) or of B (row `k`, vec4 column `column`). */
function loadA(source: OperandSource, row: string): string {
  if (source === 'texture') return `textureLoad(aTex, vec2u(k4, ${row}), 0)`;
  if (source === 'workgroup') return `aShared[(${row} * kVec + k4) % ${WORKGROUP_WINDOW}u]`;
  if (source === 'uniform') return `aWindow[(${row} * kVec + k4) % ${UNIFORM_WINDOW}u]`;
  return `a[${row} * kVec + k4]`;
}

function loadB(source: OperandSource, k: string, column: string): string {
  if (source === 'texture') return `textureLoad(bTex, vec2u(${column}, ${k}), 0)`;
  if (source === 'workgroup') return `bShared[((${k}) * nVec + ${column}) % ${WORKGROUP_WINDOW}u]`;
  if (source === 'uniform') return `bWindow[((${k}) * nVec + ${column}) % ${UNIFORM_WINDOW}u]`;
  return `b[(${k}) * nVec + ${column}]`;
}

function multiplyAdd(useFma: boolean, accumulator: string, a: string, b: string): string {
  return useFma
    ? `${accumulator} = fma(vec4f(${a}), ${b}, ${accumulator});`
    : `${accumulator} += ${a} * ${b};`;
}

const HEADER = `struct Uniforms { M: u32, N: u32, K: u32, pad: u32 }
@group(0) @binding(2) var<storage, read_write> c: array<vec4f>;
@group(0) @binding(3) var<uniform> u: Uniforms;`;

function broadcastWgsl(v: BroadcastVariant): string {
  const loadsOfA = v.rows / LANES;
  const accumulators = lines(v.rows, (i) =>
    lines(v.vec4Columns, (j) => `var acc${i}_${j} = vec4f(0.0);`).join(' '),
  );
  const columns = lines(
    v.vec4Columns,
    (j) =>
      `let column${j} = wid.x * ${LANES * v.vec4Columns}u + ${j * LANES}u + lid.x; let column${j}Clamped = min(column${j}, nVec - 1u);`,
  );
  const step = [
    ...lines(v.vec4Columns, (j) =>
      lines(
        4,
        (t) => `let b${j}_${t} = ${loadB(v.source, `k4 * 4u + ${t}u`, `column${j}Clamped`)};`,
      ).join(' '),
    ),
    ...lines(
      loadsOfA,
      (q) => `let aLane${q} = ${loadA(v.source, `min(m0 + ${q * LANES}u + lane, u.M - 1u)`)};`,
    ),
    ...lines(v.rows, (i) => {
      const row = `let a${i} = subgroupBroadcast(aLane${Math.floor(i / LANES)}, ${i % LANES}u);`;
      const updates = lines(v.vec4Columns, (j) =>
        lines(4, (t) =>
          multiplyAdd(v.fma, `acc${i}_${j}`, `a${i}.${'xyzw'[t]}`, `b${j}_${t}`),
        ).join(' '),
      );
      return [row, ...updates].join('\n    ');
    }),
  ];
  const stores = lines(v.rows, (i) =>
    lines(
      v.vec4Columns,
      (j) =>
        `if (m0 + ${i}u < u.M && column${j} < nVec) { c[(m0 + ${i}u) * nVec + column${j}] = acc${i}_${j}; }`,
    ).join(' '),
  );
  const copyToWorkgroup =
    v.source === 'workgroup'
      ? `for (var i = lid.x + lid.y * ${LANES}u; i < ${WORKGROUP_WINDOW}u; i += ${LANES * WORKGROUP_ROWS}u) { aShared[i] = a[i]; bShared[i] = b[i]; }
  workgroupBarrier();`
      : '';
  return `enable subgroups;
diagnostic(off, subgroup_uniformity);
${operandDeclarations(v.source)}
${HEADER}
@compute @workgroup_size(${LANES}, ${WORKGROUP_ROWS}, 1)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u,
        @builtin(subgroup_invocation_id) lane: u32) {
  let kVec = u.K / 4u;
  let nVec = u.N / 4u;
  ${copyToWorkgroup}
  ${columns.join('\n  ')}
  let m0 = (wid.y * ${WORKGROUP_ROWS}u + lid.y) * ${v.rows}u;
  ${accumulators.join('\n  ')}
  for (var k4 = 0u; k4 < kVec; k4++) {
    ${step.join('\n    ')}
  }
  ${stores.join('\n  ')}
}`;
}

function uniformBWgsl(v: UniformBVariant): string {
  const rows = v.rowsPerLane;
  const step = [
    ...lines(rows, (i) => `let a${i} = ${loadA('storage', `aRow${i}`)};`),
    ...lines(4, (t) =>
      lines(v.vec4Columns, (j) =>
        [
          `let b${t}_${j} = ${loadB('storage', `k4 * 4u + ${t}u`, `column0 + ${j}u`)};`,
          ...lines(rows, (i) =>
            multiplyAdd(false, `acc${i}_${j}`, `a${i}.${'xyzw'[t]}`, `b${t}_${j}`),
          ),
        ].join(' '),
      ).join('\n    '),
    ),
  ];
  return `${operandDeclarations('storage')}
${HEADER}
@compute @workgroup_size(${LANES}, 1, 1)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let kVec = u.K / 4u;
  let nVec = u.N / 4u;
  // Depends on the workgroup only: the same address in every lane.
  let column0 = wid.x * ${v.vec4Columns}u;
  ${lines(rows, (i) => `let aRow${i} = min(wid.y * ${LANES * rows}u + ${i * LANES}u + lid.x, u.M - 1u);`).join('\n  ')}
  ${lines(rows, (i) => lines(v.vec4Columns, (j) => `var acc${i}_${j} = vec4f(0.0);`).join(' ')).join('\n  ')}
  for (var k4 = 0u; k4 < kVec; k4++) {
    ${step.join('\n    ')}
  }
  ${lines(rows, (i) =>
    lines(
      v.vec4Columns,
      (j) =>
        `{ let row = wid.y * ${LANES * rows}u + ${i * LANES}u + lid.x; if (row < u.M) { c[row * nVec + column0 + ${j}u] = acc${i}_${j}; } }`,
    ).join(' '),
  ).join('\n  ')}
}`;
}

export function variantWgsl(variant: MatmulVariant): string {
  return variant.kind === 'broadcast' ? broadcastWgsl(variant) : uniformBWgsl(variant);
}

/** Workgroup counts (x over columns, y over rows) for an (M, K) @ (K, N) product. */
export function variantDispatch(variant: MatmulVariant, M: number, N: number): [number, number] {
  if (variant.kind === 'broadcast')
    return [
      Math.ceil(N / (4 * LANES * variant.vec4Columns)),
      Math.ceil(M / (variant.rows * WORKGROUP_ROWS)),
    ];
  return [Math.ceil(N / (4 * variant.vec4Columns)), Math.ceil(M / (LANES * variant.rowsPerLane))];
}

const broadcast = (
  name: string,
  rows: number,
  vec4Columns: number,
  options: { fma?: boolean; source?: OperandSource } = {},
): BroadcastVariant => ({
  kind: 'broadcast',
  name,
  rows,
  vec4Columns,
  fma: options.fma ?? false,
  source: options.source ?? 'storage',
});

/** The variants timed, in order; the first is the tuned kernel's own layout. */
export const matmulVariants: readonly MatmulVariant[] = [
  broadcast('broadcast 16x4 (tuned layout)', 16, 1),
  broadcast('broadcast 16x4, fma()', 16, 1, { fma: true }),
  broadcast('broadcast 32x4 (fewer B loads per FMA)', 32, 1),
  broadcast('broadcast 16x8', 16, 2),
  broadcast('broadcast 32x8', 32, 2),
  broadcast('broadcast 16x4, textureLoad', 16, 1, { source: 'texture' }),
  broadcast('broadcast 16x4, workgroup memory', 16, 1, { source: 'workgroup' }),
  broadcast('broadcast 16x4, uniform buffers', 16, 1, { source: 'uniform' }),
  {
    kind: 'uniformB',
    name: 'uniform B address, 4 rows x 16 per lane',
    rowsPerLane: 4,
    vec4Columns: 4,
  },
  {
    kind: 'uniformB',
    name: 'uniform B address, 1 row x 64 per lane',
    rowsPerLane: 1,
    vec4Columns: 16,
  },
];

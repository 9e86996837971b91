// The aligned fast path of the tuned matmul (see matmul-blocked.wgsl.ts), for subgroups of
// `subgroupSize` lanes that are the x row of the workgroup, when every row of A and B that it
// reads starts on a vec4 (matmul-ragged-path.wgsl.ts handles the rest). Per step of 4 k:
// - each lane loads its 4 columns of B as 4 vec4s (rows of B, or columns when transposed,
//   turned into rows by a 4x4 transpose in registers);
// - the subgroup loads A's 16 rows (or 4 or 8: the `matmulRows` constant) x 4 k spread over
//   lanes (R = min(subgroupSize, rows) rows per load) and every lane takes each row from its
//   owner with subgroupBroadcast.
// Emitted inside main(), after aBase, bBase, m0, n0 and the accumulators are defined.

/** Rows of C per invocation (and per subgroup) unless the `matmulRows` constant says otherwise. */
export const MATMUL_ROWS_PER_THREAD = 16;
/** The row counts the kernel can be built with (4 and 8 serve products with few rows). */
export const MATMUL_ROW_CHOICES: readonly number[] = [4, 8, 16];

export function repeat(count: number, line: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => line(index)).join('\n      ');
}

/** The A row vector (4 consecutive k) of local row `row`, broadcast from its owning lane(s). */
function broadcastRow(row: number, rowsPerLoad: number, transposed: boolean): string {
  const load = `aLane${Math.floor(row / rowsPerLoad)}`;
  const within = row % rowsPerLoad;
  if (!transposed) return `subgroupBroadcast(${load}, ${within}u)`;
  // Transposed A: lane l holds k + l / (R/4) and rows 4 * (l % (R/4)) .. +3 of this load.
  const lanesPerK = rowsPerLoad / 4;
  const component = 'xyzw'[within % 4];
  const lanes = [0, 1, 2, 3].map((r) => r * lanesPerK + Math.floor(within / 4));
  return `vec4f(${lanes.map((lane) => `subgroupBroadcast(${load}.${component}, ${lane}u)`).join(', ')})`;
}

/** b0..b3 (rows k..k+3 of B, 4 columns each) from the 4 loaded vec4s l0..l3 of this lane. */
export function bRowsWgsl(): string {
  return `let b0 = select(l0, vec4f(l0.x, l1.x, l2.x, l3.x), transposeB);
      let b1 = select(l1, vec4f(l0.y, l1.y, l2.y, l3.y), transposeB);
      let b2 = select(l2, vec4f(l0.z, l1.z, l2.z, l3.z), transposeB);
      let b3 = select(l3, vec4f(l0.w, l1.w, l2.w, l3.w), transposeB);`;
}

/** The `rows` broadcast A rows (from aLane0.. of this step) times b0..b3 into acc0... */
export function accumulateWgsl(rowsPerLoad: number, transposed: boolean, rows: number): string {
  return repeat(
    rows,
    (i) =>
      `let a${i} = ${broadcastRow(i, rowsPerLoad, transposed)};\n      acc${i} += a${i}.x * b0 + a${i}.y * b1 + a${i}.z * b2 + a${i}.w * b3;`,
  );
}

/** One step of 4 k at vec4 index `k4`: 4 B loads, R-row A loads, `rows` broadcast rows x 4 FMAs. */
function stepWgsl(k4: string, rowsPerLoad: number, transposed: boolean, rows: number): string {
  const loads = rows / rowsPerLoad;
  return `{
      let bi = bLane + ${k4} * bKStep;
      let l0 = loadB(bi); let l1 = loadB(bi + bTStep); let l2 = loadB(bi + 2u * bTStep); let l3 = loadB(bi + 3u * bTStep);
      ${bRowsWgsl()}
      ${repeat(loads, (q) => `let aLane${q} = a[aLane${q}Base + ${k4} * aKStep];`)}
      ${accumulateWgsl(rowsPerLoad, transposed, rows)}
    }`;
}

/** The k loop. (Unrolling it 2x was slower on lavapipe: more registers spill.) */
function loopWgsl(rowsPerLoad: number, transposed: boolean, rows: number): string {
  return `for (var k4 = 0u; k4 < kSteps; k4++) ${stepWgsl('k4', rowsPerLoad, transposed, rows)}`;
}

/**
 * WGSL statements of the aligned fast path (every vec4 of A and B aligned) for subgroups of
 * `subgroupSize` lanes and `rows` rows of C per subgroup.
 */
export function fastPathWgsl(subgroupSize: number, rows: number): string {
  const rowsPerLoad = Math.min(subgroupSize, rows);
  const loads = rows / rowsPerLoad;
  const lanesPerK = rowsPerLoad / 4;
  return `
    // All indices below count vec4s. Lanes beyond the rows of a load reuse the last row.
    let kSteps = u.K / 4u;
    let transposeB = u.transposeB != 0u;
    // B: lane columns n0..n0+3 (clamped); non-transposed rows t = k+0..3, transposed columns.
    let bLane = select(bBase / 4u + min(n0, u.N - 4u) / 4u, bBase / 4u + min(n0, u.N - 1u) * kSteps, transposeB);
    let bKStep = select(u.N, 1u, transposeB);
    let bTStep = select(u.N / 4u, kSteps, transposeB);
    let loadLane = min(lane, ${rowsPerLoad - 1}u);
    if (u.transposeA == 0u) {
      // A (M, K): lane l loads row m0 + q*R + l, k..k+3.
      ${repeat(loads, (q) => `let aLane${q}Base = aBase / 4u + min(m0 + ${q * rowsPerLoad}u + loadLane, u.M - 1u) * kSteps;`)}
      let aKStep = 1u;
      ${loopWgsl(rowsPerLoad, false, rows)}
    } else {
      // A stored (K, M): lane l loads k + l / ${lanesPerK}, rows m0 + q*R + 4 * (l % ${lanesPerK}) .. +3.
      let kOffset = loadLane / ${lanesPerK}u;
      let rowOffset = 4u * (loadLane % ${lanesPerK}u);
      ${repeat(loads, (q) => `let aLane${q}Base = aBase / 4u + kOffset * (u.M / 4u) + min(m0 + ${q * rowsPerLoad}u + rowOffset, u.M - 4u) / 4u;`)}
      let aKStep = u.M;
      ${loopWgsl(rowsPerLoad, true, rows)}
    }`;
}

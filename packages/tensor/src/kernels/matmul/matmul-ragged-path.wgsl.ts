// The ragged fast path of the tuned matmul (see matmul-blocked.wgsl.ts): the same subgroup
// scheme as matmul-subgroup-path.wgsl.ts (16, 8 or 4 rows x 4 columns per lane, A rows shared with
// subgroupBroadcast, no barriers) for operands whose rows do not start on a vec4: K, M (A
// transposed), N (B not transposed) or a batch stride that is not a multiple of 4. GPT-2's LM
// head backward is the case it exists for: dh = dlogits @ wte has K = V = 50257 and
// dwte = dlogits^T @ h has A transposed with M = V.
//
// Each 4-element piece of a row that starts at element e is the window at offset e % 4 of the
// two aligned vec4s e / 4 and e / 4 + 1 (windowOf in the kernel). A row read along k (A, or B
// transposed) is streamed: the high vec4 of one step is the low vec4 of the next, so it still
// costs one load per step. A row read across M or N (A transposed, B not) moves by whole rows
// between steps and needs both vec4s, the second loaded only when that operand is misaligned.
// The window's offset is the same at every step, so it is worked out once per lane. An operand
// whose rows are all aligned (B, in the LM head's products) skips the windows: each A layout has
// a loop for aligned B and one for misaligned B.
// The main loop covers floor(K / 4) steps; the kernel adds the last K % 4 with a scalar tail.
// Every element a window hands to the FMAs of a stored output is in range (rows are clamped like
// the aligned path's); the unused halves of the vec4s may lie past a row or the binding, which
// WebGPU's bounds rules make safe reads, and rows and columns past M and N (which the last
// window of a ragged row reaches) feed only outputs that are not stored.
import { accumulateWgsl, bRowsWgsl, repeat } from './matmul-subgroup-path.wgsl';

/** WGSL of `windowOf(lo, hi, offset)`: elements offset..offset+3 of lo ++ hi, by selects (no branch). */
export const windowOfWgsl = /* wgsl */ `
fn windowOf(lo: vec4f, hi: vec4f, offset: u32) -> vec4f {
  let w1 = vec4f(lo.yzw, hi.x);
  let w2 = vec4f(lo.zw, hi.xy);
  let w3 = vec4f(lo.w, hi.xyz);
  return select(select(lo, w1, offset == 1u), select(w2, w3, offset == 3u), offset >= 2u);
}`;

/**
 * B's 4 vec4s of one step (l0..l3): when B is aligned, plain loads as in the aligned path;
 * else streamed when transposed, paired when misaligned.
 */
function bLoadsWgsl(bAligned: boolean): string {
  if (bAligned)
    return `let bi = bLane + k4 * bKStep;
      let l0 = loadB(bi); let l1 = loadB(bi + bTStep); let l2 = loadB(bi + 2u * bTStep); let l3 = loadB(bi + 3u * bTStep);`;
  return repeat(
    4,
    (j) => `let bi${j} = bFirst${j} + k4 * bKStep;
      let bNew${j} = loadB(bi${j} + bStream);
      var bHigh${j} = bNew${j};
      if (bPair) { bHigh${j} = loadB(bi${j} + 1u); }
      let l${j} = windowOf(select(bNew${j}, bPrevious${j}, transposeB), bHigh${j}, bOffset${j});
      bPrevious${j} = bNew${j};`,
  );
}

/** Declarations the B loads need (bKStep: vec4s per step; row strides in vec4s when aligned). */
function bSetupWgsl(bAligned: boolean): string {
  if (bAligned)
    return `// B aligned (K, N) or (N, K): lane columns n0..n0+3 as in the aligned path.
      let bLane = select(bBase / 4u + min(n0, u.N - 4u) / 4u, bBase / 4u + min(n0, u.N - 1u) * kSteps, transposeB);
      let bKStep = select(u.N, 1u, transposeB);
      let bTStep = select(u.N / 4u, kSteps, transposeB);`;
  return `// B (K, N): lane rows k + j from column n0, N vec4s per step; paired when misaligned.
      // B^T (N, K): lane columns n0 + j along k, streamed (bStream: the new vec4 is the high one).
      let bKStep = select(u.N, 1u, transposeB);
      let bStream = select(0u, 1u, transposeB);
      let bPair = !transposeB && (u.N % 4u != 0u || u.strideB % 4u != 0u);
      ${repeat(
        4,
        (
          j,
        ) => `let bElement${j} = select(bBase + ${j}u * u.N + min(n0, u.N - 1u), bBase + min(n0 + ${j}u, u.N - 1u) * u.K, transposeB);
      let bFirst${j} = bElement${j} / 4u;
      let bOffset${j} = bElement${j} % 4u;
      var bPrevious${j} = loadB(bFirst${j});`,
      )}`;
}

/** The k loop with A read along k (A not transposed): streamed windows. */
function plainALoopWgsl(rowsPerLoad: number, bAligned: boolean, rows: number): string {
  const loads = rows / rowsPerLoad;
  return `${bSetupWgsl(bAligned)}
      ${repeat(loads, (q) => `var aPrevious${q} = a[aFirst${q}];`)}
      for (var k4 = 0u; k4 < kSteps; k4++) {
      ${bLoadsWgsl(bAligned)}
      ${bRowsWgsl()}
      ${repeat(loads, (q) => `let aNew${q} = a[aFirst${q} + k4 + 1u];\n      let aLane${q} = windowOf(aPrevious${q}, aNew${q}, aOffset${q});\n      aPrevious${q} = aNew${q};`)}
      ${accumulateWgsl(rowsPerLoad, false, rows)}
    }`;
}

/** The k loop with A stored (K, M): each step moves 4 rows of M, paired vec4s when misaligned. */
function transposedALoopWgsl(rowsPerLoad: number, bAligned: boolean, rows: number): string {
  const loads = rows / rowsPerLoad;
  return `${bSetupWgsl(bAligned)}
      for (var k4 = 0u; k4 < kSteps; k4++) {
      ${bLoadsWgsl(bAligned)}
      ${bRowsWgsl()}
      ${repeat(loads, (q) => `let ai${q} = aFirst${q} + k4 * u.M;\n      let aLow${q} = a[ai${q}];\n      var aHigh${q} = aLow${q};\n      if (aPair) { aHigh${q} = a[ai${q} + 1u]; }\n      let aLane${q} = windowOf(aLow${q}, aHigh${q}, aOffset${q});`)}
      ${accumulateWgsl(rowsPerLoad, true, rows)}
    }`;
}

/** Both B variants of a loop, chosen by the uniform `bAligned`. */
function bothBVariants(loop: (bAligned: boolean) => string): string {
  return `if (bAligned) {
      ${loop(true)}
    } else {
      ${loop(false)}
    }`;
}

/** WGSL statements of the ragged fast path for subgroups of `subgroupSize` lanes, `rows` rows each. */
export function raggedPathWgsl(subgroupSize: number, rows: number): string {
  const rowsPerLoad = Math.min(subgroupSize, rows);
  const loads = rows / rowsPerLoad;
  const lanesPerK = rowsPerLoad / 4;
  return `
    // Element offsets e of each row's first window; vec4 index e / 4, window offset e % 4.
    let kSteps = u.K / 4u;
    let transposeB = u.transposeB != 0u;
    // B is aligned when every row it reads starts on a vec4 (then it loads as in the aligned path).
    let bAligned = u.strideB % 4u == 0u && select(u.N, u.K, transposeB) % 4u == 0u;
    let loadLane = min(lane, ${rowsPerLoad - 1}u);
    if (u.transposeA == 0u) {
      // A (M, K): lane l streams row m0 + q*R + l along k.
      ${repeat(loads, (q) => `let aElement${q} = aBase + min(m0 + ${q * rowsPerLoad}u + loadLane, u.M - 1u) * u.K;\n      let aFirst${q} = aElement${q} / 4u;\n      let aOffset${q} = aElement${q} % 4u;`)}
      ${bothBVariants((bAligned) => plainALoopWgsl(rowsPerLoad, bAligned, rows))}
    } else {
      // A stored (K, M): lane l reads k + l / ${lanesPerK}, rows m0 + q*R + 4 * (l % ${lanesPerK}) .. +3.
      let aPair = u.M % 4u != 0u || u.strideA % 4u != 0u;
      let kOffset = loadLane / ${lanesPerK}u;
      let rowOffset = 4u * (loadLane % ${lanesPerK}u);
      ${repeat(loads, (q) => `let aElement${q} = aBase + kOffset * u.M + min(m0 + ${q * rowsPerLoad}u + rowOffset, u.M - 1u);\n      let aFirst${q} = aElement${q} / 4u;\n      let aOffset${q} = aElement${q} % 4u;`)}
      ${bothBVariants((bAligned) => transposedALoopWgsl(rowsPerLoad, bAligned, rows))}
    }`;
}

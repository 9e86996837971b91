// tercom 0.7.25's beam-limited word edit distance (TERcalc.MinEditDist): Levenshtein with unit
// costs over a column-by-column sweep of the hypothesis, where cells more than `beamWidth`
// above the previous column's best are skipped. Ties are broken exactly as tercom does (cells
// are relaxed diagonal, then insertion, then deletion, top to bottom), because the alignment it
// returns decides which shifts tercom tries next.

const INF = 999999.0;

/** Edit cost and the alignment path ('M' match, 'S', 'I' hyp-only, 'D' ref-only). */
export interface EditAlignment {
  numEdits: number;
  path: string;
}

/** tercom's MinEditDist of hypothesis words `hyp` against reference words `ref`. */
export function minEditDist(
  hyp: readonly string[],
  ref: readonly string[],
  beamWidth = 20,
): EditAlignment {
  const R = ref.length;
  const H = hyp.length;
  const W = H + 1;
  const S = new Float64Array((R + 1) * W).fill(-1);
  const P = new Uint8Array((R + 1) * W); // 0 none, 1 match, 2 sub, 3 ins, 4 del
  S[0] = 0;
  let currentBest = INF;
  let lastBest = INF;
  let firstGood = 0;
  let currentFirstGood = 0;
  let lastGood = -1;
  let curLastGood = 0;
  for (let j = 0; j <= H; j++) {
    lastBest = currentBest;
    currentBest = INF;
    firstGood = currentFirstGood;
    currentFirstGood = -1;
    lastGood = curLastGood;
    curLastGood = -1;
    for (let i = firstGood; i <= R; i++) {
      if (i > lastGood) break;
      const here = i * W + j;
      const score = S[here] as number;
      if (score < 0) continue;
      if (j < H && score > lastBest + beamWidth) continue;
      if (currentFirstGood === -1) currentFirstGood = i;
      if (i < R && j < H) {
        const diag = here + W + 1;
        if (ref[i] === hyp[j]) {
          const cost = score;
          if (S[diag] === -1 || cost < (S[diag] as number)) {
            S[diag] = cost;
            P[diag] = 1;
          }
          if (cost < currentBest) currentBest = cost;
        } else {
          const cost = 1 + score;
          if ((S[diag] as number) < 0 || cost < (S[diag] as number)) {
            S[diag] = cost;
            P[diag] = 2;
            if (cost < currentBest) currentBest = cost;
          }
        }
      }
      curLastGood = i + 1;
      if (j < H) {
        const right = here + 1;
        const icost = score + 1;
        if ((S[right] as number) < 0 || (S[right] as number) > icost) {
          S[right] = icost;
          P[right] = 3;
        }
      }
      if (i < R) {
        const down = here + W;
        const dcost = score + 1;
        if ((S[down] as number) < 0 || (S[down] as number) > dcost) {
          S[down] = dcost;
          P[down] = 4;
          if (i >= lastGood) lastGood = i + 1;
        }
      }
    }
  }
  const path: string[] = [];
  let i = R;
  let j = H;
  while (i > 0 || j > 0) {
    const p = P[i * W + j];
    if (p === 1 || p === 2) {
      path.push(p === 1 ? 'M' : 'S');
      i--;
      j--;
    } else if (p === 4) {
      path.push('D');
      i--;
    } else if (p === 3) {
      path.push('I');
      j--;
    } else {
      throw new Error(`tercom alignment: no path at (${i}, ${j})`);
    }
  }
  return { numEdits: S[R * W + H] as number, path: path.reverse().join('') };
}

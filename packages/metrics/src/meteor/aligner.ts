// METEOR 1.5's aligner (edu.cmu.meteor.aligner.Aligner, PartialAlignment and the
// PARTIAL_COMPARE_TOTAL ordering), reproduced decision for decision:
// - matches that are the only candidate for all the words they cover are fixed up front;
// - the rest is a left-to-right beam search (beam 40) over reference positions, paths ranked by
//   weighted match count, then fewer chunks, then smaller distance;
// - during the search the module weights are 1, 0.5, 0.5, 0.5 and the running totals are Java
//   ints, so `total += length * 0.5` truncates: a one-word stem/synonym match adds nothing to the
//   ranking (METEOR's `int matches1 += double` compound assignment);
// - METEOR adds a new match's distance to the parent path rather than the new one; kept.
import type { Match } from './matchers';

const SEARCH_WEIGHTS = [1.0, 0.5, 0.5, 0.5];

// A search path. METEOR copies each path's whole match array and both used-word arrays per
// child; here the reference side needs no per-path copy (a match found at position `current`
// can only overlap later positions, which only the definite matches fix, and every position
// below `idx` is covered by the path's own matches), and the path's own matches are a linked
// list, so a child copies only its test-side used flags.
interface Path {
  added: AddedMatch | null;
  matches1: number;
  matches2: number;
  chunks: number;
  idx: number;
  lastMatchEnd: number;
  distance: number;
  used1: Uint8Array;
}

interface AddedMatch {
  match: Match;
  previous: AddedMatch | null;
}

function childOf(p: Path, m: Match): Path {
  const used1 = p.used1.slice();
  for (let i = 0; i < m.matchLength; i++) used1[m.matchStart + i] = 1;
  return {
    added: { match: m, previous: p.added },
    matches1: p.matches1,
    matches2: p.matches2,
    chunks: p.chunks,
    idx: p.idx,
    lastMatchEnd: p.lastMatchEnd,
    distance: p.distance,
    used1,
  };
}

// Java `int += double`: the sum is truncated toward zero.
function addMatch(p: Path, m: Match): void {
  const w = SEARCH_WEIGHTS[m.module] as number;
  p.matches1 = Math.trunc(p.matches1 + m.matchLength * w);
  p.matches2 = Math.trunc(p.matches2 + m.length * w);
  if (p.lastMatchEnd !== -1 && m.matchStart !== p.lastMatchEnd) p.chunks++;
  p.idx = m.start + m.length;
  p.lastMatchEnd = m.matchStart + m.matchLength;
}

function compare(x: Path, y: Path): number {
  const diff = y.matches1 + y.matches2 - (x.matches1 + x.matches2);
  if (diff > 0) return 1;
  if (diff < 0) return -1;
  if (x.chunks !== y.chunks) return x.chunks - y.chunks;
  return x.distance - y.distance;
}

/**
 * Chooses METEOR's alignment from the candidate `matches` (per reference position) given the
 * coverage counts; returns the chosen match (or null) at each reference start position.
 */
export function resolveAlignment(
  n1: number,
  matches: readonly (readonly Match[])[],
  coverage1: Int32Array,
  coverage2: Int32Array,
  beamSize = 40,
): (Match | null)[] {
  const n2 = matches.length;
  // One-to-one, non-overlapping matches are definite.
  const definite = new Array<Match | null>(n2).fill(null);
  const definiteUsed2 = new Uint8Array(n2);
  const start: Path = {
    added: null,
    matches1: 0,
    matches2: 0,
    chunks: 0,
    idx: 0,
    lastMatchEnd: -1,
    distance: 0,
    used1: new Uint8Array(n1),
  };
  for (let i = 0; i < n2; i++) {
    const list = matches[i] as readonly Match[];
    if (list.length !== 1) continue;
    const m = list[0] as Match;
    let overlap = false;
    for (let j = 0; j < m.length; j++) if (coverage2[i + j] !== 1) overlap = true;
    for (let j = 0; j < m.matchLength; j++) if (coverage1[m.matchStart + j] !== 1) overlap = true;
    if (!overlap) {
      definite[i] = m;
      for (let j = 0; j < m.length; j++) definiteUsed2[i + j] = 1;
      for (let j = 0; j < m.matchLength; j++) start.used1[m.matchStart + j] = 1;
    }
  }
  const usedBy = (p: Path, m: Match): boolean => {
    for (let i = 0; i < m.length; i++) if (definiteUsed2[m.start + i]) return true;
    for (let i = 0; i < m.matchLength; i++) if (p.used1[m.matchStart + i]) return true;
    return false;
  };

  let next: Path[] = [start];
  for (let current = 0; current <= n2; current++) {
    const paths = next.sort(compare); // Array#sort is stable, like Collections.sort
    next = [];
    for (let rank = 0; rank < beamSize && rank < paths.length; rank++) {
      const path = paths[rank] as Path;
      if (current === n2) {
        if (path.lastMatchEnd !== -1) path.chunks++;
        next.push(path);
        continue;
      }
      if (current < path.idx) {
        next.push(path);
        continue;
      }
      if (definiteUsed2[current]) {
        // Here idx == current, so this is the definite match starting at the path's index.
        const fixed = definite[path.idx];
        if (fixed) {
          addMatch(path, fixed);
          path.distance += Math.abs(fixed.start - fixed.matchStart);
          next.push(path);
        }
        continue;
      }
      for (const m of matches[current] as readonly Match[]) {
        if (usedBy(path, m)) continue;
        const child = childOf(path, m);
        addMatch(child, m);
        path.distance += Math.abs(m.start - m.matchStart); // sic: the parent, as in METEOR
        next.push(child);
      }
      if (path.lastMatchEnd !== -1) {
        path.chunks++;
        path.lastMatchEnd = -1;
      }
      path.idx++;
      next.push(path);
    }
    if (next.length === 0) next.push(paths[0] as Path);
  }
  const best = next.sort(compare)[0] as Path;
  const chosen = definite.slice();
  for (let a = best.added; a !== null; a = a.previous) chosen[a.match.start] = a.match;
  return chosen;
}

/** Matched word counts on both sides and the chunk count of a final alignment. */
export function countAndChunks(matches: readonly (Match | null)[]): {
  matches1: number;
  matches2: number;
  chunks: number;
} {
  let matches1 = 0;
  let matches2 = 0;
  let chunks = 0;
  let idx = 0;
  let lastMatchEnd = -1;
  while (idx < matches.length) {
    const m = matches[idx];
    if (!m) {
      if (lastMatchEnd !== -1) {
        chunks++;
        lastMatchEnd = -1;
      }
      idx++;
    } else {
      matches1 += m.matchLength;
      matches2 += m.length;
      if (lastMatchEnd !== -1 && m.matchStart !== lastMatchEnd) chunks++;
      idx = m.start + m.length;
      lastMatchEnd = m.matchStart + m.matchLength;
    }
  }
  if (lastMatchEnd !== -1) chunks++;
  return { matches1, matches2, chunks };
}

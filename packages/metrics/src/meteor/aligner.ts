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
// child, which costs (test words) x (children) memory at every step: quadratic in a long line
// whose words repeat. Here a path holds no array at all: the reference side needs no per-path
// flags (a match found at position `current` can only overlap later positions, which only the
// definite matches fix, and every position below `idx` is covered by the path's own matches),
// the path's own matches are a linked list shared with its parent, and the test words they use
// are marked in one scratch array while that path's children are made (markOwnWords).
interface Path {
  added: AddedMatch | null;
  matches1: number;
  matches2: number;
  chunks: number;
  idx: number;
  lastMatchEnd: number;
  distance: number;
}

interface AddedMatch {
  match: Match;
  previous: AddedMatch | null;
}

function childOf(p: Path, m: Match): Path {
  return {
    added: { match: m, previous: p.added },
    matches1: p.matches1,
    matches2: p.matches2,
    chunks: p.chunks,
    idx: p.idx,
    lastMatchEnd: p.lastMatchEnd,
    distance: p.distance,
  };
}

/** Sets (value 1) or clears (0) the test words of a path's own matches in `marks`. */
function markOwnWords(p: Path, marks: Uint8Array, value: 0 | 1): void {
  for (let a = p.added; a !== null; a = a.previous) {
    for (let i = 0; i < a.match.matchLength; i++) marks[a.match.matchStart + i] = value;
  }
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
 * The `size` best paths offered, in the order a stable sort by `compare` would put them (ties:
 * first offered first), which is what METEOR keeps of its sorted list of every child. Keeping
 * only those bounds a step's memory by the beam, not by the number of candidate matches.
 */
class BestPaths {
  readonly sorted: Path[] = [];
  constructor(private readonly size: number) {}

  offer(path: Path): void {
    const { sorted, size } = this;
    if (sorted.length === size && compare(path, sorted[size - 1] as Path) >= 0) return;
    let at = sorted.length;
    while (at > 0 && compare(path, sorted[at - 1] as Path) < 0) at--;
    sorted.splice(at, 0, path);
    if (sorted.length > size) sorted.pop();
  }
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
  // Test words used by the definite matches (every path's), and by one path's own matches.
  const definiteUsed1 = new Uint8Array(n1);
  const ownUsed1 = new Uint8Array(n1);
  const start: Path = {
    added: null,
    matches1: 0,
    matches2: 0,
    chunks: 0,
    idx: 0,
    lastMatchEnd: -1,
    distance: 0,
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
      for (let j = 0; j < m.matchLength; j++) definiteUsed1[m.matchStart + j] = 1;
    }
  }
  // Whether m overlaps a definite match or (marked in ownUsed1) the current path's own matches.
  const overlapsUsed = (m: Match): boolean => {
    for (let i = 0; i < m.length; i++) if (definiteUsed2[m.start + i]) return true;
    for (let i = 0; i < m.matchLength; i++) {
      if (definiteUsed1[m.matchStart + i] || ownUsed1[m.matchStart + i]) return true;
    }
    return false;
  };

  // METEOR sorts every path of a step (Collections.sort, stable) and expands the first
  // beamSize; BestPaths keeps exactly those. Paths are only changed before they are offered.
  let paths: Path[] = [start];
  for (let current = 0; current <= n2; current++) {
    const next = new BestPaths(beamSize);
    for (const path of paths) {
      if (current === n2) {
        if (path.lastMatchEnd !== -1) path.chunks++;
        next.offer(path);
        continue;
      }
      if (current < path.idx) {
        next.offer(path);
        continue;
      }
      if (definiteUsed2[current]) {
        // Here idx == current, so this is the definite match starting at the path's index.
        const fixed = definite[path.idx];
        if (fixed) {
          addMatch(path, fixed);
          path.distance += Math.abs(fixed.start - fixed.matchStart);
          next.offer(path);
        }
        continue;
      }
      const candidates = matches[current] as readonly Match[];
      if (candidates.length > 0) markOwnWords(path, ownUsed1, 1);
      for (const m of candidates) {
        if (overlapsUsed(m)) continue;
        const child = childOf(path, m);
        addMatch(child, m);
        path.distance += Math.abs(m.start - m.matchStart); // sic: the parent, as in METEOR
        next.offer(child);
      }
      if (candidates.length > 0) markOwnWords(path, ownUsed1, 0);
      if (path.lastMatchEnd !== -1) {
        path.chunks++;
        path.lastMatchEnd = -1;
      }
      path.idx++;
      next.offer(path);
    }
    paths = next.sorted.length > 0 ? next.sorted : [paths[0] as Path];
  }
  const best = paths[0] as Path;
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

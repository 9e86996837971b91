import { describe, expect, it } from 'vitest';
import { resolveAlignment } from './aligner';
import { type Match, matchExact, matchStem, newStage } from './matchers';
import { snowballEnglishStem } from './snowball-english';

// METEOR's search as its Java code is written: every child copies its parent's used-word flags,
// and each step sorts every path (stably) before expanding the first `beamSize`. The aligner
// keeps neither the copies nor the unsorted tail; it must choose exactly the same alignment.
interface CopyingPath {
  chosen: Match[];
  matches1: number;
  matches2: number;
  chunks: number;
  idx: number;
  lastMatchEnd: number;
  distance: number;
  used1: Uint8Array;
}

const weights = [1, 0.5, 0.5, 0.5];

function resolveByCopying(
  n1: number,
  matches: readonly (readonly Match[])[],
  coverage1: Int32Array,
  coverage2: Int32Array,
  beamSize: number,
): (Match | null)[] {
  const n2 = matches.length;
  const definite = new Array<Match | null>(n2).fill(null);
  const used2 = new Uint8Array(n2);
  const start: CopyingPath = {
    chosen: [],
    matches1: 0,
    matches2: 0,
    chunks: 0,
    idx: 0,
    lastMatchEnd: -1,
    distance: 0,
    used1: new Uint8Array(n1),
  };
  matches.forEach((list, i) => {
    const m = list[0];
    if (list.length !== 1 || m === undefined) return;
    const sides = [
      Array.from({ length: m.length }, (_, k) => coverage2[i + k]),
      Array.from({ length: m.matchLength }, (_, k) => coverage1[m.matchStart + k]),
    ];
    if (sides.flat().some((count) => count !== 1)) return;
    definite[i] = m;
    for (let k = 0; k < m.length; k++) used2[i + k] = 1;
    for (let k = 0; k < m.matchLength; k++) start.used1[m.matchStart + k] = 1;
  });
  const add = (p: CopyingPath, m: Match) => {
    p.matches1 = Math.trunc(p.matches1 + m.matchLength * weights[m.module]!);
    p.matches2 = Math.trunc(p.matches2 + m.length * weights[m.module]!);
    if (p.lastMatchEnd !== -1 && m.matchStart !== p.lastMatchEnd) p.chunks++;
    p.idx = m.start + m.length;
    p.lastMatchEnd = m.matchStart + m.matchLength;
  };
  const order = (x: CopyingPath, y: CopyingPath) =>
    Math.sign(y.matches1 + y.matches2 - x.matches1 - x.matches2) ||
    x.chunks - y.chunks ||
    x.distance - y.distance;
  let next = [start];
  for (let current = 0; current <= n2; current++) {
    const paths = next.sort(order);
    next = [];
    for (const path of paths.slice(0, beamSize)) {
      if (current === n2) {
        if (path.lastMatchEnd !== -1) path.chunks++;
        next.push(path);
      } else if (current < path.idx) {
        next.push(path);
      } else if (used2[current]) {
        const fixed = definite[path.idx];
        if (fixed) {
          add(path, fixed);
          path.distance += Math.abs(fixed.start - fixed.matchStart);
          next.push(path);
        }
      } else {
        for (const m of matches[current]!) {
          const overlaps =
            Array.from({ length: m.length }, (_, k) => used2[m.start + k]).some(Boolean) ||
            Array.from({ length: m.matchLength }, (_, k) => path.used1[m.matchStart + k]).some(
              Boolean,
            );
          if (overlaps) continue;
          const child = { ...path, chosen: [...path.chosen, m], used1: path.used1.slice() };
          for (let k = 0; k < m.matchLength; k++) child.used1[m.matchStart + k] = 1;
          add(child, m);
          path.distance += Math.abs(m.start - m.matchStart);
          next.push(child);
        }
        if (path.lastMatchEnd !== -1) {
          path.chunks++;
          path.lastMatchEnd = -1;
        }
        path.idx++;
        next.push(path);
      }
    }
    if (next.length === 0) next.push(paths[0]!);
  }
  const chosen = definite.slice();
  for (const m of next.sort(order)[0]!.chosen) chosen[m.start] = m;
  return chosen;
}

/** A small deterministic generator (mulberry32), so the cases repeat exactly. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Repeated words and shared stems make many candidate matches per reference word.
const vocabulary = ['the', 'cat', 'cats', 'sat', 'sitting', 'walk', 'walked', 'walking', 'a'];

describe('resolveAlignment', () => {
  it('chooses what a search that copies every path and sorts every child chooses', () => {
    const next = random(20240611);
    const words = (length: number) =>
      Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!);
    for (let trial = 0; trial < 300; trial++) {
      const test = words(1 + Math.floor(next() * 40));
      const reference = words(1 + Math.floor(next() * 12));
      const beamSize = trial % 3 === 0 ? 40 : 1 + Math.floor(next() * 4);
      const stage = newStage(test, reference);
      matchExact(0, stage);
      matchStem(1, stage, test, reference, snowballEnglishStem);
      const args = [
        test.length,
        stage.matches,
        stage.coverage1,
        stage.coverage2,
        beamSize,
      ] as const;
      expect(resolveAlignment(...args), `trial ${trial}`).toEqual(resolveByCopying(...args));
    }
  });
});

// tercom 0.7.25's TER of one hypothesis against one reference (TERcalc.TER): the edit distance
// plus greedy block shifts. Each round tercom lists candidate shifts of hypothesis phrases
// (up to 10 words, moved at most 50 positions) that match the reference somewhere the current
// alignment gets wrong, tries them longest first, and keeps the best one if it lowers
// edits + shift cost (or, before any shift is kept, leaves it unchanged). Candidate order,
// pruning and tie-breaking follow TERcalc.java so the same shifts are found.
import { type EditAlignment, minEditDist } from './min-edit-dist';

const MAX_SHIFT_SIZE = 10;
const SEP = '\u0001';

/** Options of tercom's search (its defaults: beam 20, shift distance 50, shift cost 1). */
export interface TercomOptions {
  beamWidth?: number;
  maxShiftDist?: number;
}

/** Edits (including shifts) and number of shifts for one hypothesis/reference pair. */
export interface TercomResult {
  numEdits: number;
  numShifts: number;
  refLength: number;
}

interface Shift {
  start: number;
  end: number;
  newloc: number;
}

function buildWordMatches(hyp: readonly string[], ref: readonly string[]): Map<string, number[]> {
  const hypWords = new Set(hyp);
  const cor = ref.map((w) => hypWords.has(w));
  const out = new Map<string, number[]>();
  for (let start = 0; start < ref.length; start++) {
    if (!cor[start]) continue;
    let key = '';
    for (let end = start; end < ref.length && end - start <= MAX_SHIFT_SIZE && cor[end]; end++) {
      key = end === start ? (ref[end] as string) : `${key}${SEP}${ref[end]}`;
      const list = out.get(key);
      if (list === undefined) out.set(key, [start]);
      else if (list[list.length - 1] !== start) list.push(start); // starts arrive ascending (a TreeSet)
    }
  }
  return out;
}

function alignErrors(path: string, hypLen: number, refLen: number) {
  const herr = new Uint8Array(hypLen);
  const rerr = new Uint8Array(refLen);
  const ralign = new Int32Array(refLen);
  let h = -1;
  let r = -1;
  for (const sym of path) {
    if (sym === 'M' || sym === 'S') {
      h++;
      r++;
      herr[h] = sym === 'S' ? 1 : 0;
      rerr[r] = sym === 'S' ? 1 : 0;
      ralign[r] = h;
    } else if (sym === 'I') {
      h++;
      herr[h] = 1;
    } else {
      r++;
      rerr[r] = 1;
      ralign[r] = h;
    }
  }
  return { herr, rerr, ralign };
}

function gatherShifts(
  cur: readonly string[],
  rloc: Map<string, number[]>,
  align: EditAlignment,
  refLen: number,
  maxDist: number,
): Shift[][] {
  const all: Shift[][] = Array.from({ length: MAX_SHIFT_SIZE + 1 }, () => []);
  if (maxDist <= 0) return all;
  const { herr, rerr, ralign } = alignErrors(align.path, cur.length, refLen);
  for (let start = 0; start < cur.length; start++) {
    const first = rloc.get(cur[start] as string);
    if (first === undefined) continue;
    let ok = false;
    for (const moveto of first) {
      const ra = ralign[moveto] as number;
      if (start !== ra && ra - start <= maxDist && start - ra - 1 <= maxDist) {
        ok = true;
        break;
      }
    }
    if (!ok) continue;
    ok = true;
    let key = '';
    for (let end = start; ok && end < cur.length && end < start + MAX_SHIFT_SIZE; end++) {
      key = end === start ? (cur[end] as string) : `${key}${SEP}${cur[end]}`;
      ok = false;
      const movetos = rloc.get(key);
      if (movetos === undefined) continue;
      let anyHerr = false;
      for (let i = start; i <= end && !anyHerr; i++) if (herr[i]) anyHerr = true;
      if (!anyHerr) {
        ok = true;
        continue;
      }
      for (const moveto of movetos) {
        const ra = ralign[moveto] as number;
        if (
          !(
            ra !== start &&
            (ra < start || ra > end) &&
            ra - start <= maxDist &&
            start - ra <= maxDist
          )
        )
          continue;
        ok = true;
        let anyRerr = false;
        for (let i = 0; i <= end - start && !anyRerr; i++) if (rerr[moveto + i]) anyRerr = true;
        if (!anyRerr) continue;
        for (let roff = -1; roff <= end - start; roff++) {
          if (roff === -1 && moveto === 0) {
            (all[end - start] as Shift[]).push({ start, end, newloc: -1 });
          } else if (
            start !== ralign[moveto + roff] &&
            (roff === 0 || ralign[moveto + roff] !== ralign[moveto])
          ) {
            (all[end - start] as Shift[]).push({
              start,
              end,
              newloc: ralign[moveto + roff] as number,
            });
          }
        }
      }
    }
  }
  return all;
}

/** TERcalc.PerformShift: move words[start..end] to just after position newloc (-1: the front). */
export function performShift(
  words: readonly string[],
  start: number,
  end: number,
  newloc: number,
): string[] {
  const block = words.slice(start, end + 1);
  if (newloc === -1) return [...block, ...words.slice(0, start), ...words.slice(end + 1)];
  if (newloc < start)
    return [
      ...words.slice(0, newloc + 1),
      ...block,
      ...words.slice(newloc + 1, start),
      ...words.slice(end + 1),
    ];
  if (newloc > end)
    return [
      ...words.slice(0, start),
      ...words.slice(end + 1, newloc + 1),
      ...block,
      ...words.slice(newloc + 1),
    ];
  // Moving inside itself.
  const mid = end + (newloc - start);
  return [
    ...words.slice(0, start),
    ...words.slice(end + 1, Math.min(words.length, mid + 1)),
    ...block,
    ...words.slice(mid + 1),
  ];
}

function bestShift(
  cur: readonly string[],
  ref: readonly string[],
  rloc: Map<string, number[]>,
  med: EditAlignment,
  o: Required<TercomOptions>,
): { align: EditAlignment; words: string[] } | null {
  const poss = gatherShifts(cur, rloc, med, ref.length, o.maxShiftDist);
  const curerr = med.numEdits;
  let bestCost = 0;
  let bestAlign = med;
  let bestWords: string[] | null = null;
  const stop = (maxfix: number): boolean => {
    const curfix = curerr - (bestCost + bestAlign.numEdits);
    return curfix > maxfix || (bestCost !== 0 && curfix === maxfix);
  };
  for (let i = poss.length - 1; i >= 0; i--) {
    const maxfix = 2 * (1 + i);
    if (stop(maxfix)) break;
    for (const s of poss[i] as Shift[]) {
      if (stop(maxfix)) break;
      const words = performShift(cur, s.start, s.end, s.newloc);
      const align = minEditDist(words, ref, o.beamWidth);
      const gain = bestAlign.numEdits + bestCost - (align.numEdits + 1);
      if (gain > 0 || (bestCost === 0 && gain === 0)) {
        bestCost = 1;
        bestAlign = align;
        bestWords = words;
      }
    }
  }
  return bestWords === null ? null : { align: bestAlign, words: bestWords };
}

/** tercom's TER edits for tokenised, already case-folded `hyp` and `ref` (both non-empty). */
export function tercomEdits(
  hyp: readonly string[],
  ref: readonly string[],
  options: TercomOptions = {},
): TercomResult {
  const o: Required<TercomOptions> = {
    beamWidth: options.beamWidth ?? 20,
    maxShiftDist: options.maxShiftDist ?? 50,
  };
  const rloc = buildWordMatches(hyp, ref);
  let align = minEditDist(hyp, ref, o.beamWidth);
  let cur: readonly string[] = hyp;
  let shifts = 0;
  // Each kept shift lowers edit distance by at least its cost, so this ends; the cap is a guard.
  for (let round = 0; round < 10_000; round++) {
    const next = bestShift(cur, ref, rloc, align, o);
    if (next === null) break;
    shifts++;
    align = next.align;
    cur = next.words;
  }
  return { numEdits: align.numEdits + shifts, numShifts: shifts, refLength: ref.length };
}

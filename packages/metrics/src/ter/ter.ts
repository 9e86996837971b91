// Corpus TER as tercom 0.7.25 reports it ("Total TER"): case-insensitive, whitespace tokens,
// beam 20, maximum shift distance 50, unit costs. Each segment takes the reference with the
// fewest edits (the first on ties) and contributes the average length of all its references;
// corpus TER = total edits / total average reference length.

import { normalizeWebNLGHypothesis } from '../tokenize/webnlg';
import { validateCorpus } from '../validate';
import { tercomEdits } from './tercom';

/** Options of {@link ter}. */
export interface TerOptions {
  /** Text preparation before tercom: 'none' (tercom's own whitespace split) or WebNLG 2017's. */
  normalize?: 'none' | 'webnlg';
  /** Keep case (tercom `-s`). Default false: lower-case both sides. */
  caseSensitive?: boolean;
  beamWidth?: number;
  maxShiftDist?: number;
}

/** Per-segment TER details. */
export interface TerSegment {
  edits: number;
  /** Average reference length of the segment. */
  refLength: number;
  shifts: number;
  bestReference: number;
}

/** Corpus TER result. */
export interface TerResult {
  /** Total edits / total average reference length. */
  score: number;
  /** Per-segment TER (edits / average reference length; NaN-free: 0/0 counts as 0, x/0 as Infinity). */
  segments: number[];
  signature: string;
  totalEdits: number;
  totalRefLength: number;
  segmentDetails: TerSegment[];
}

// java String.split("\\s+") on a trimmed, non-empty string.
function tokens(s: string): string[] {
  return s.split(/[ \t\n\v\f\r]+/);
}

/** Scores one hypothesis against one reference as TERcalc.TER(String, String) does. */
function terPair(
  hyp: string,
  ref: string,
  o: TerOptions,
): { edits: number; words: number; shifts: number } {
  if (ref.length === 0 || hyp.length === 0) {
    // TERnullstr: everything is inserted or deleted.
    if (hyp.length === 0 && ref.length === 0) return { edits: 0, words: 0, shifts: 0 };
    if (hyp.length === 0) {
      const n = tokens(ref).length;
      return { edits: n, words: n, shifts: 0 };
    }
    return { edits: tokens(hyp).length, words: 0, shifts: 0 };
  }
  const refWords = tokens(ref);
  const r = tercomEdits(tokens(hyp), refWords, o);
  return { edits: r.numEdits, words: refWords.length, shifts: r.numShifts };
}

/**
 * TER of `hypotheses` against `references` (one or more per segment), as tercom 0.7.25.
 * Lower is better; the score is a fraction (0.30 = 30 edits per 100 reference words).
 */
export function ter(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: TerOptions = {},
): TerResult {
  validateCorpus('TER', hypotheses, references, 1);
  const prep = (s: string): string => {
    // tercom reads "text (id)" lines and trims the text.
    const t = options.normalize === 'webnlg' ? normalizeWebNLGHypothesis(s) : s.trim();
    return options.caseSensitive ? t : t.toLowerCase();
  };
  let totalEdits = 0;
  let totalWords = 0;
  const segmentDetails: TerSegment[] = [];
  for (let i = 0; i < hypotheses.length; i++) {
    const hyp = prep(hypotheses[i] as string);
    const refs = references[i] as readonly string[];
    let best: { edits: number; shifts: number; index: number } | undefined;
    let words = 0;
    for (let r = 0; r < refs.length; r++) {
      const res = terPair(hyp, prep(refs[r] as string), options);
      if (best === undefined || best.edits > res.edits)
        best = { edits: res.edits, shifts: res.shifts, index: r };
      words += res.words;
    }
    const b = best as { edits: number; shifts: number; index: number };
    const refLength = words / refs.length;
    segmentDetails.push({ edits: b.edits, refLength, shifts: b.shifts, bestReference: b.index });
    totalEdits += b.edits;
    totalWords += refLength;
  }
  const ratio = (e: number, w: number): number =>
    w > 0 ? e / w : e > 0 ? Number.POSITIVE_INFINITY : 0;
  return {
    score: ratio(totalEdits, totalWords),
    segments: segmentDetails.map((s) => ratio(s.edits, s.refLength)),
    signature: [
      'TER',
      'tercom:0.7.25',
      `case:${options.caseSensitive ? 'mixed' : 'lc'}`,
      `norm:${options.normalize ?? 'none'}`,
      `beam:${options.beamWidth ?? 20}`,
      `shift-dist:${options.maxShiftDist ?? 50}`,
      'costs:unit',
    ].join('|'),
    totalEdits,
    totalRefLength: totalWords,
    segmentDetails,
  };
}

// ROUGE-N, ROUGE-L and ROUGE-Lsum as Google's rouge_score (rouge_scorer.py) computes them:
// per pair precision / recall / F1 over its tokeniser; ROUGE-Lsum is the summary-level union LCS
// over newline-separated sentences with rouge_score's guard against double counting. Several
// references: the one with the highest F1 per type (rouge_score `score_multi`). The corpus
// figure is the plain mean of per-segment F1 (rouge_score's BootstrapAggregator reports a
// bootstrap median instead, which is close to but not exactly this).
import { MetricInputError } from '../errors';
import { countNgrams } from '../ngrams';
import { tokenizeRouge } from '../tokenize/rouge-tokenize';
import type { CorpusResult } from '../types';
import { refCountLabel, validateCorpus } from '../validate';
import { lcsLength, lcsTable } from './lcs';

export type RougeType = `rouge${number}` | 'rougeL' | 'rougeLsum';
export interface RougePRF {
  precision: number;
  recall: number;
  fmeasure: number;
}

function fmeasure(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function rougeN(target: readonly string[], prediction: readonly string[], n: number): RougePRF {
  const t = countNgrams(target, n)[n - 1] as Map<string, number>;
  const p = countNgrams(prediction, n)[n - 1] as Map<string, number>;
  let overlap = 0;
  for (const [g, c] of t) overlap += Math.min(c, p.get(g) ?? 0);
  const tCount = Math.max(0, target.length - n + 1);
  const pCount = Math.max(0, prediction.length - n + 1);
  const precision = overlap / Math.max(pCount, 1);
  const recall = overlap / Math.max(tCount, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function rougeL(target: readonly string[], prediction: readonly string[]): RougePRF {
  if (target.length === 0 || prediction.length === 0)
    return { precision: 0, recall: 0, fmeasure: 0 };
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

// Indices into `ref` of one LCS with `can` (rouge_score `_backtrack_norec`).
function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const t = lcsTable(ref, can);
  let i = ref.length;
  let j = can.length;
  const out: number[] = [];
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.unshift(i - 1);
      i--;
      j--;
    } else if (((t[i] as Int32Array)[j - 1] as number) > ((t[i - 1] as Int32Array)[j] as number))
      j--;
    else i--;
  }
  return out;
}

function rougeLsum(refSents: readonly string[][], canSents: readonly string[][]): RougePRF {
  const m = refSents.reduce((a, s) => a + s.length, 0);
  const n = canSents.reduce((a, s) => a + s.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const cntR = new Map<string, number>();
  const cntC = new Map<string, number>();
  for (const s of refSents) for (const t of s) cntR.set(t, (cntR.get(t) ?? 0) + 1);
  for (const s of canSents) for (const t of s) cntC.set(t, (cntC.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of refSents) {
    const union = new Set<number>();
    for (const c of canSents) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const t = r[i] as string;
      if ((cntC.get(t) ?? 0) > 0 && (cntR.get(t) ?? 0) > 0) {
        hits++;
        cntC.set(t, (cntC.get(t) as number) - 1);
        cntR.set(t, (cntR.get(t) as number) - 1);
      }
    }
  }
  const recall = hits / m;
  const precision = hits / n;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** rouge_score `RougeScorer.score(target, prediction)` for one type. */
export function rougeScorePair(
  type: RougeType,
  target: string,
  prediction: string,
  useStemmer = true,
): RougePRF {
  if (type === 'rougeLsum') {
    const sents = (text: string) =>
      text
        .split('\n')
        .filter((s) => s.length > 0)
        .map((s) => tokenizeRouge(s, useStemmer));
    return rougeLsum(sents(target), sents(prediction));
  }
  const t = tokenizeRouge(target, useStemmer);
  const p = tokenizeRouge(prediction, useStemmer);
  if (type === 'rougeL') return rougeL(t, p);
  const n = Number(type.slice(5));
  if (!Number.isInteger(n) || n < 1) {
    throw new MetricInputError('ROUGE', 'rouge type', {
      expected: 'rouge1..rouge9, rougeL or rougeLsum',
      got: type,
    });
  }
  return rougeN(t, p, n);
}

export interface RougeScoreOptions {
  /** Porter-stem tokens longer than 3 characters (default true). */
  useStemmer?: boolean;
}

/** Corpus ROUGE (rouge_score): mean F1 over segments, best reference per segment. */
export function rougeScore(
  type: RougeType,
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: RougeScoreOptions = {},
): CorpusResult & { prf: RougePRF[] } {
  validateCorpus('ROUGE', hypotheses, references);
  const useStemmer = options.useStemmer ?? true;
  const prf = hypotheses.map((h, i) => {
    let best: RougePRF | undefined;
    for (const r of references[i] as string[]) {
      const s = rougeScorePair(type, r, h, useStemmer);
      if (best === undefined || s.fmeasure > best.fmeasure) best = s;
    }
    return best as RougePRF;
  });
  const segments = prf.map((s) => s.fmeasure);
  const score = segments.length === 0 ? 0 : segments.reduce((a, b) => a + b, 0) / segments.length;
  const name = type === 'rougeL' || type === 'rougeLsum' ? type : `rouge${type.slice(5)}`;
  return {
    score,
    segments,
    prf,
    signature: `${name}|impl:rouge_score|tok:rouge_score|stem:${useStemmer ? 'porter' : 'none'}|case:lc|agg:mean-f1|multiref:max-f1|refs:${refCountLabel(references)}`,
  };
}

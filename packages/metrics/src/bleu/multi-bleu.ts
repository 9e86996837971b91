// BLEU as Moses' multi-bleu.perl computes it (the WebNLG 2017 evaluation runs `multi-bleu.perl
// -lc` with three reference files): whitespace tokens, clipped 4-gram precisions, no smoothing
// (a zero precision gives BLEU 0), brevity penalty from the closest reference length (shorter on
// ties) where an empty reference line counts with length 0, corpus level only.

import { countNgrams } from '../ngrams';
import type { CorpusResult } from '../types';
import { refCountLabel, validateCorpus } from '../validate';

export interface MultiBleuOptions {
  /** multi-bleu's `-lc`: lower-case hypotheses and references. Default false. */
  lowercase?: boolean;
}

// Perl's default split: awk-style on ASCII whitespace (the script reads bytes).
function perlSplit(s: string): string[] {
  const t = s.replace(/^[ \t\n\r\f\v]+/, '');
  return t === ''
    ? []
    : t.split(/[ \t\n\r\f\v]+/).filter((w, i, a) => w !== '' || i < a.length - 1);
}
// Perl `lc` on bytes changes ASCII letters only.
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** multi-bleu.perl BLEU in [0, 1]; `details` has the printed breakdown. */
export function multiBleu(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: MultiBleuOptions = {},
): CorpusResult {
  validateCorpus('BLEU', hypotheses, references, 1);
  const prep = (s: string) => perlSplit(options.lowercase ? asciiLower(s) : s);
  const correct = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let hypLength = 0;
  let refLength = 0;
  const segments: number[] = [];
  hypotheses.forEach((h, i) => {
    const words = prep(h);
    const refMax = new Map<string, number>();
    let closestDiff = 9999;
    let closestLength = 9999;
    for (const r of references[i] as string[]) {
      const refWords = prep(r);
      const diff = Math.abs(words.length - refWords.length);
      if (diff < closestDiff) {
        closestDiff = diff;
        closestLength = refWords.length;
      } else if (diff === closestDiff && refWords.length < closestLength) {
        closestLength = refWords.length;
      }
      for (const table of countNgrams(refWords, 4)) {
        for (const [g, c] of table) if ((refMax.get(g) ?? 0) < c) refMax.set(g, c);
      }
    }
    hypLength += words.length;
    refLength += closestLength;
    const segCorrect = [0, 0, 0, 0];
    countNgrams(words, 4).forEach((table, n) => {
      for (const [g, c] of table) {
        total[n] = (total[n] as number) + c;
        const m = Math.min(c, refMax.get(g) ?? 0);
        correct[n] = (correct[n] as number) + m;
        segCorrect[n] = (segCorrect[n] as number) + m;
      }
    });
    segments.push(bleuFrom(segCorrect, countTotals(words.length), words.length, closestLength));
  });
  const score = bleuFrom(correct, total, hypLength, refLength);
  const precisions = correct.map((c, n) =>
    (total[n] as number) > 0 ? c / (total[n] as number) : 0,
  );
  const bp = hypLength < refLength ? Math.exp(1 - refLength / hypLength) : 1;
  return {
    score,
    segments,
    signature: `BLEU|impl:multi-bleu.perl|tok:none|case:${options.lowercase ? 'lc' : 'mixed'}|smooth:none|bp:closest|refs:${refCountLabel(references)}|n:4`,
    details: { precisions, bp, ratio: hypLength / refLength, hypLength, refLength },
  };
}

function countTotals(len: number): number[] {
  return [0, 1, 2, 3].map((k) => Math.max(0, len - k));
}

function bleuFrom(
  correct: readonly number[],
  total: readonly number[],
  hypLength: number,
  refLength: number,
): number {
  if (refLength === 0 || hypLength === 0) return 0;
  let logSum = 0;
  for (let n = 0; n < 4; n++) {
    const p = (total[n] as number) > 0 ? (correct[n] as number) / (total[n] as number) : 0;
    if (p === 0) return 0; // my_log(0) = -9999999999: exp() underflows to 0
    logSum += Math.log(p);
  }
  const bp = hypLength < refLength ? Math.exp(1 - refLength / hypLength) : 1;
  return bp * Math.exp(logSum / 4);
}

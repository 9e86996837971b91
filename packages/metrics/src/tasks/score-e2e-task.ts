// E2E as tuetschek/e2e-metrics' measure_scores.py scores it: evaluateE2E tokenises the whole
// corpus for the COCO metrics and METEOR in two batch runs (references, then hypotheses), as
// the official wrapper feeds the PTB tokeniser, since each line's end depends on the next line.
import { evaluateE2E } from '../drivers/evaluate-e2e';
import type { TaskScorer } from './task-scorer';

export const scoreE2ETask: TaskScorer = async (input, wanted, meteor) => {
  const scores = await evaluateE2E(input.hypotheses, input.references, {
    ...(wanted.has('meteor') ? { meteorOptions: { ...meteor } } : { meteor: false }),
  });
  return {
    bleu: scores.BLEU,
    nist: scores.NIST,
    ...(scores.METEOR ? { meteor: scores.METEOR } : {}),
    'rouge-l': scores.ROUGE_L,
    cider: scores.CIDEr,
  };
};

// WebNLG 2017 as the prefix-tuning paper's scripts score it (DART follows the same conventions):
// evaluateWebNLG normalises hypotheses and the raw reference lexicalisations as the official
// scripts normalised their gold files, and keeps the first 3 references.
import { evaluateWebNLG } from '../drivers/evaluate-webnlg';
import type { TaskScorer } from './task-scorer';

export const scoreWebNLGTask: TaskScorer = async (input, wanted, meteor) => {
  const scores = await evaluateWebNLG(input.hypotheses, input.references, {
    rawReferences: true,
    ...(wanted.has('ter') ? { terOptions: { normalize: 'webnlg' } } : { ter: false }),
    ...(wanted.has('meteor') ? { meteorOptions: { ...meteor } } : { meteor: false }),
  });
  return {
    bleu: scores.BLEU,
    ...(scores.TER ? { ter: scores.TER } : {}),
    ...(scores.METEOR ? { meteor: scores.METEOR } : {}),
  };
};

// The E2E files the low-data and prefix-length experiments score against (the shared data's
// e2e/, or --data with the same names, such as the committed sample), and the part of their
// plans that follows from them.
import { join } from 'node:path';
import type { Plan } from '../plan/plan-types';
import { decodeFlags, devEvaluation, testEvaluation, trainFlags } from './common-flags';
import type { Settings } from './experiment';

export const e2eDevReferences = (data: string) => join(data, 'devset.csv');
export const e2eTestReferences = (data: string) => join(data, 'testset_w_refs.csv');

/** Training, decoding and the dev and test evaluations of an experiment on E2E. */
export function e2ePlanBase(settings: Settings): Pick<Plan, 'train' | 'decode' | 'dev' | 'test'> {
  return {
    train: trainFlags(settings, 'e2e'),
    decode: decodeFlags(settings),
    dev: devEvaluation(settings, 'e2e', e2eDevReferences(settings.data)),
    test: testEvaluation(settings, 'e2e', e2eTestReferences(settings.data), {
      name: 'E2E test set (630 MRs)',
    }),
  };
}

/** A word initialisation of `phrase` (its GPT-2 token count must be the prefix length). */
export const wordInit = (phrase: string) => ({ init: 'words', initWords: phrase });

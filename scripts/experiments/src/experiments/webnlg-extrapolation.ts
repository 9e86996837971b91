// WebNLG 2017 as in the paper's Table 2: every method trained on the training categories, then
// scored with BLEU, METEOR and TER on the seen categories, the unseen ones (extrapolation to
// topics never trained on) and all, split by each test entry's category as the official
// evaluation does (`prefixkit evaluate --subsets`).
import { join } from 'node:path';
import { decodeFlags, devEvaluation, testEvaluation, trainFlags } from './common-flags';
import type { Experiment } from './experiment';
import { table2Rows } from './table2-rows';

/** Unique inputs of WebNLG 2017's dev set (its dev.json, in size-folder order). */
const WEBNLG_DEV_INPUTS = 872;

export const webnlgExtrapolation: Experiment = {
  name: 'webnlg-extrapolation',
  title: "WebNLG 2017: seen and unseen categories (the paper's Table 2, WebNLG columns)",
  summary:
    'Prefix-tuning, adapters (0.1% and 3%), FT-TOP2 and FT-FULL on WebNLG 2017, each at the learning rate that scores best on dev inputs spread over the dev set, scored with BLEU, METEOR and TER on the seen, unseen and all test categories; the model alone beside them.',
  task: 'webnlg',
  estimate:
    'about 9 h on the 2-core machine through lavapipe while it is shared, about 6 h when it is quiet (15 trainings of 1000 steps, 6 h; the 1,862 test inputs decoded for 6 rows, 2.5 h)',
  defaults: { steps: 1000, warmupSteps: 50, maxNewTokens: 60 },
  options: {
    prefixLength: {
      type: 'integer',
      description: "Prefix slots (the train-webnlg preset's, from the paper's code: 5).",
      default: 5,
      minimum: 1,
      maximum: 400,
      placeholder: 'N',
    },
  },
  plan(settings) {
    const task = 'webnlg';
    return {
      train: trainFlags(settings, task),
      decode: decodeFlags(settings),
      dev: devEvaluation(settings, task, join(settings.data, 'dev.json'), {
        spreadOver: WEBNLG_DEV_INPUTS,
      }),
      test: testEvaluation(settings, task, join(settings.data, 'test', 'testdata_with_lex.xml'), {
        subsets: true,
      }),
      rows: table2Rows(settings.extra.prefixLength as number),
      table: { kind: 'rows' },
      notes: [
        `seen: the 10 categories of the training data; unseen: the 5 categories found only in test (971 and 891 of the whole test set's 1,862 inputs${settings.testEvery === undefined && settings.testInputs === undefined ? '' : "; of the inputs scored here, the counts are in each run's test.json, subsets"}); the paper reports the three columns as S, U and A.`,
        "BLEU is multi-bleu.perl on its 0-100 scale, METEOR 1.5 without paraphrases, TER tercom 0.7.25 (lower is better); all three with the first 3 references, as the paper's scripts.",
        'prefixkit-tiny was pretrained on WebNLG 2017 training triple sets with their texts (its model card): on it, the seen categories are not new to the model itself, so the seen/unseen gap says less about the methods than on GPT-2.',
        "trained params counts what the optimiser updates (for the prefix: its MLP too); kept params what the run keeps and a deployment stores (the prefix activations), the paper's percentages.",
      ],
    };
  },
};

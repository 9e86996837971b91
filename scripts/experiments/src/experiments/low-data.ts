// The paper's low-data setting (Figure 3): E2E training sets of 50 to 500 pairs, several seeded
// samples of each (`prefixkit train --low-data N --low-data-sample K`; each sample also has its
// own small dev set, 30% of N, for the dev loss), prefix-tuning against FT-FULL, as mean and
// sample sd over the samples. Each method's learning rate is chosen per size on sample 0, then
// used for the other samples. Settings the paper gives for low data: 100 warm-up steps (its
// code), and a word initialisation of the prefix (its Section 7.2: random initialisation is
// unstable with little data).
import type { Replicate, Row } from '../plan/plan-types';
import { e2ePlanBase, wordInit } from './e2e-files';
import type { Experiment } from './experiment';
import { table2LearningRates } from './table2-rows';

/** "table-to-text:" is 6 GPT-2 tokens (a test checks it). */
export const lowDataInitWords = 'table-to-text:';
export const lowDataPrefixLength = 6;

/** The replicates of a low-data row: samples 0 .. samples - 1. */
export function lowDataSamples(samples: number): Replicate[] {
  return Array.from({ length: samples }, (_, sample) => ({
    id: `sample-${sample}`,
    train: { lowDataSample: sample },
  }));
}

export function lowDataRows(sizes: readonly number[], samples: number): Row[] {
  const replicates = lowDataSamples(samples);
  return sizes.flatMap((size): Row[] => [
    {
      id: `prefix-${size}`,
      family: 'prefix',
      label: `prefix, ${size} pairs`,
      train: {
        method: 'prefix',
        prefixLength: lowDataPrefixLength,
        methodOptions: wordInit(lowDataInitWords),
        lowData: size,
      },
      learningRates: table2LearningRates.prefix,
      replicates,
      cells: { method: 'prefix', size },
    },
    {
      id: `ft-full-${size}`,
      family: 'ft-full',
      label: `FT-FULL, ${size} pairs`,
      train: { method: 'ft-full', lowData: size },
      learningRates: table2LearningRates.fullFineTune,
      replicates,
      cells: { method: 'FT-FULL', size },
    },
  ]);
}

export const lowData: Experiment = {
  name: 'low-data',
  title: "Low-data E2E: prefix-tuning against FT-FULL (the paper's Figure 3)",
  summary:
    'Prefix-tuning (word-initialised) and FT-FULL on seeded E2E samples of 50, 100, 200 and 500 training pairs, 3 samples each, every cell scored on the whole E2E test set with the five E2E metrics, as mean ± sample sd over the samples; learning rates chosen per method and size on sample 0 by BLEU on the first dev MRs.',
  task: 'e2e',
  estimate:
    'about 9 h on the 2-core machine through lavapipe while it is shared, about 6 h when it is quiet (40 trainings of 300 steps, 6 h, two thirds of it FT-FULL; 630 test MRs decoded 24 times, 2.7 h)',
  defaults: { steps: 300, warmupSteps: 100, maxNewTokens: 40 },
  options: {
    sizes: {
      type: 'integers',
      description: 'Training set sizes (pairs).',
      default: [50, 100, 200, 500],
      minimum: 1,
      maximum: 100_000,
      placeholder: 'LIST',
      selectsRows: true,
    },
    samples: {
      type: 'integer',
      description: 'Seeded samples of each size (the paper: 5, with 2 training seeds each).',
      default: 3,
      minimum: 1,
      maximum: 100,
      placeholder: 'N',
      selectsRows: true,
    },
  },
  plan(settings) {
    const sizes = settings.extra.sizes as number[];
    const smallest = sizes.reduce((low, size) => Math.min(low, size));
    const largest = sizes.reduce((high, size) => Math.max(high, size));
    const epochs = (size: number) =>
      `${size} pairs get ${((settings.steps * settings.batchSize) / size).toFixed(1)} epochs`;
    return {
      ...e2ePlanBase(settings),
      rows: lowDataRows(sizes, settings.extra.samples as number),
      table: { kind: 'pivot', rows: 'method', columns: 'size' },
      notes: [
        `every run trains ${settings.steps} steps of batch ${settings.batchSize} whatever its size (${[...new Set([smallest, largest])].map(epochs).join(', ')}), with ${settings.warmupSteps} warm-up steps (the paper's code passes 100 in low-data runs).`,
        `sample k is the k-th seeded draw of N training pairs and 30% of N dev pairs (prefixkit train --low-data N --low-data-sample k, seed ${settings.seed}); the paper averages 5 samples x 2 training seeds, this varies the sample only.`,
        `the prefix is initialised with the activations of "${lowDataInitWords}" (${lowDataPrefixLength} slots); the prefix-length experiment compares initialisations.`,
        'learning rates are chosen on the first dev MRs of the full dev set, more dev data than a real low-data setting would have; the choice is the same for all samples of a cell.',
      ],
    };
  },
};

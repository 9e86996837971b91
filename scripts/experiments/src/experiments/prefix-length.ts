// The paper's Section 7 on E2E: prefix length (Figure 4), the prefix against embedding-only and
// infix-tuning of the same length (Table 4), and initialisation (Figure 5: random against the
// activations of real words, in a low-data setting where it matters). The prefix lengths share
// the learning rate chosen at the reference length; the other rows choose their own.
import { ExperimentUsageError } from '../errors';
import type { Replicate, Row } from '../plan/plan-types';
import { e2ePlanBase, wordInit } from './e2e-files';
import type { Experiment } from './experiment';
import { lowDataSamples } from './low-data';
import { table2LearningRates } from './table2-rows';

/** Initialisations compared, all 6 GPT-2 tokens long (a test checks the counts). */
export const initialisations = [
  { id: 'init-random', label: 'random', methodOptions: { init: 'random' } },
  {
    id: 'init-table-to-text',
    label: '"table-to-text:"',
    methodOptions: wordInit('table-to-text:'),
  },
  {
    id: 'init-unrelated',
    label: '"elephant banana divide keep beautiful"',
    methodOptions: wordInit('elephant banana divide keep beautiful'),
  },
] as const;
export const initPrefixLength = 6;

export interface PrefixLengthOptions {
  readonly lengths: readonly number[];
  readonly seeds: number;
  readonly referenceLength: number;
  readonly ablationLength: number;
  readonly initSize: number;
  readonly initSamples: number;
  readonly initSteps: number;
  readonly initWarmupSteps: number;
}

/**
 * Trainings of one full-data row with the seeds `seed`, `seed + 1`, ...: the first is the plan's
 * own run, in the row's folder, so a run folder grows from one seed to several.
 */
export function seedReplicates(seed: number, count: number): Replicate[] | undefined {
  if (count < 2) return undefined;
  return Array.from(
    { length: count },
    (_, k): Replicate =>
      k === 0
        ? { id: `seed-${seed}`, train: {}, inRowFolder: true }
        : { id: `seed-${seed + k}`, train: { seed: seed + k } },
  );
}

export function prefixLengthRows(options: PrefixLengthOptions, seed: number): Row[] {
  const reference = `length-${options.referenceLength}`;
  const seeds = seedReplicates(seed, options.seeds);
  const repeated = seeds ? { replicates: seeds } : {};
  const lengths: Row[] = options.lengths.map((length) => ({
    id: `length-${length}`,
    family: 'prefix',
    label: `prefix, ${length} slot${length === 1 ? '' : 's'}`,
    train: { method: 'prefix', prefixLength: length },
    ...repeated,
    ...(length === options.referenceLength
      ? { learningRates: table2LearningRates.prefix }
      : { learningRateFrom: reference }),
  }));
  const ablations: Row[] = [
    {
      id: 'embedding-only',
      family: 'embedding-only',
      label: `embedding-only, ${options.ablationLength} rows`,
      train: { method: 'embedding-only', prefixLength: options.ablationLength },
      learningRates: [3e-3, 1e-2, 3e-2],
      ...repeated,
    },
    {
      id: 'infix',
      family: 'infix',
      label: `infix, ${options.ablationLength} slots`,
      train: { method: 'infix', prefixLength: options.ablationLength },
      learningRates: table2LearningRates.prefix,
      ...repeated,
    },
  ];
  const inits: Row[] = initialisations.map((init) => ({
    id: init.id,
    family: 'init',
    label: `init ${init.label}, ${options.initSize} pairs`,
    train: {
      method: 'prefix',
      prefixLength: initPrefixLength,
      methodOptions: init.methodOptions,
      lowData: options.initSize,
      maxSteps: options.initSteps,
      warmupSteps: options.initWarmupSteps,
    },
    learningRates: table2LearningRates.prefix,
    replicates: lowDataSamples(options.initSamples),
  }));
  return [...lengths, ...ablations, ...inits];
}

export const prefixLength: Experiment = {
  name: 'prefix-length',
  title: "Prefix length, embedding-only, infix and initialisation on E2E (the paper's Section 7)",
  summary:
    'Prefix-tuning with 1 to 20 slots on the full E2E training set (at the learning rate chosen for 10 slots), embedding-only and infix-tuning of 10, and three initialisations (random, "table-to-text:", unrelated words) on 100-pair low-data samples, 3 samples each; every row scored on the whole E2E test set with the five E2E metrics.',
  task: 'e2e',
  estimate:
    'about 6.5 h on the 2-core machine through lavapipe while it is shared, about 4.5 h when it is quiet (14 trainings of 1000 steps and 15 of 300, 4.5 h; 630 test MRs decoded 17 times, 2 h)',
  defaults: { steps: 1000, warmupSteps: 50, maxNewTokens: 40 },
  options: {
    lengths: {
      type: 'integers',
      description: 'Prefix lengths to compare.',
      default: [1, 2, 5, 10, 15, 20],
      minimum: 1,
      maximum: 400,
      placeholder: 'LIST',
      selectsRows: true,
    },
    seeds: {
      type: 'integer',
      description:
        'Trainings of each prefix length and of the embedding-only and infix rows, with the seeds --seed, --seed + 1, ... (mean ± sample sd in the table).',
      default: 1,
      minimum: 1,
      maximum: 100,
      placeholder: 'N',
      selectsRows: true,
    },
    referenceLength: {
      type: 'integer',
      description: 'The length whose learning rates are tried; the other lengths use its choice.',
      default: 10,
      minimum: 1,
      maximum: 400,
      placeholder: 'N',
    },
    ablationLength: {
      type: 'integer',
      description: 'Length of the embedding-only and infix rows.',
      default: 10,
      minimum: 1,
      maximum: 400,
      placeholder: 'N',
    },
    initSize: {
      type: 'integer',
      description: 'Training pairs of the initialisation rows (a low-data sample).',
      default: 100,
      minimum: 1,
      maximum: 100_000,
      placeholder: 'N',
    },
    initSamples: {
      type: 'integer',
      description: 'Low-data samples per initialisation.',
      default: 3,
      minimum: 1,
      maximum: 100,
      placeholder: 'N',
      selectsRows: true,
    },
    initSteps: {
      type: 'integer',
      description: 'Steps of each initialisation run.',
      default: 300,
      minimum: 1,
      maximum: 100_000_000,
      placeholder: 'N',
    },
    initWarmupSteps: {
      type: 'integer',
      description: "Warm-up steps of each initialisation run (the paper's code: 100 in low data).",
      default: 100,
      minimum: 0,
      maximum: 100_000_000,
      placeholder: 'N',
    },
  },
  plan(settings) {
    const options = settings.extra as unknown as PrefixLengthOptions;
    if (!options.lengths.includes(options.referenceLength))
      throw new ExperimentUsageError(
        `--reference-length: expected one of --lengths (${options.lengths.join(', ')}), got ${options.referenceLength}`,
      );
    return {
      ...e2ePlanBase(settings),
      rows: prefixLengthRows(options, settings.seed),
      table: { kind: 'rows' },
      notes: [
        `the prefix lengths train on the full E2E training set for ${settings.steps} steps and use the learning rate chosen for ${options.referenceLength} slots; embedding-only and infix choose their own.`,
        ...(options.seeds > 1
          ? [
              `the prefix lengths, embedding-only and infix are trained ${options.seeds} times each, with seeds ${settings.seed}-${settings.seed + options.seeds - 1} (mean ± sample sd); learning rates are chosen on seed ${settings.seed}.`,
            ]
          : []),
        `the initialisation rows are low-data runs (${options.initSize} pairs, ${options.initSteps} steps, ${options.initWarmupSteps} warm-up, ${options.initSamples} samples, mean ± sample sd), where the paper finds initialisation matters; all three have ${initPrefixLength} slots, the token count of "table-to-text:".`,
        'trained params counts what the optimiser updates (the MLP too); kept params what a deployment stores (the prefix activations, or the infix and embedding rows).',
      ],
    };
  },
};

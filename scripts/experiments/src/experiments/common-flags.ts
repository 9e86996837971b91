// The flags every training and decoding of an experiment shares, from its settings: the paper's
// seed, a dev loss at the end (--eval-every 0), checkpoints to resume from (only the newest kept:
// FT-FULL's are as large as the model), beam search with newlines banned (the CLI's default) and
// at least 5 new tokens (min_new_tokens, since HF's min_length never binds: the decision
// docs/decisions/2026-11-26-min-new-tokens.md; @prefixkit/datasets' paperDecoding).
import { paperMinNewTokensFor } from '@prefixkit/datasets';
import type { Evaluation, Flags } from '../plan/plan-types';
import type { ExperimentTask, Settings } from './experiment';

const backend = (settings: Settings): Flags =>
  settings.backend ? { backend: settings.backend } : {};

export function trainFlags(settings: Settings, task: ExperimentTask, data = settings.data): Flags {
  return {
    model: settings.model,
    task,
    data,
    maxSteps: settings.steps,
    batchSize: settings.batchSize,
    warmupSteps: settings.warmupSteps,
    seed: settings.seed,
    evalEvery: 0,
    checkpointEvery: settings.checkpointEvery,
    keepCheckpoints: 1,
    maxDevExamples: settings.maxDevExamples,
    ...backend(settings),
  };
}

export function decodeFlags(settings: Settings): Flags {
  return {
    model: settings.model,
    numBeams: settings.numBeams,
    maxNewTokens: settings.maxNewTokens,
    minNewTokens: paperMinNewTokensFor(settings.maxNewTokens),
    batchSize: settings.decodeBatchSize,
    ...backend(settings),
  };
}

/** The dev subset that picks learning rates: the first `devInputs` unique dev inputs. */
export function devEvaluation(
  settings: Settings,
  task: ExperimentTask,
  references: string,
  data = settings.data,
): Evaluation {
  return {
    generate: { task, data, split: 'dev', maxInputs: settings.devInputs },
    evaluate: { task, references, maxInputs: settings.devInputs },
    description: `the first ${settings.devInputs} dev inputs`,
  };
}

/**
 * The test set (every `testEvery`-th input, then the first `testInputs` of those, when set);
 * WebNLG adds its seen/unseen subsets.
 */
export function testEvaluation(
  settings: Settings,
  task: ExperimentTask,
  references: string,
  options: { data?: string; subsets?: boolean; name?: string } = {},
): Evaluation {
  const cut: Flags = {
    ...(settings.testEvery === undefined ? {} : { every: settings.testEvery }),
    ...(settings.testInputs === undefined ? {} : { maxInputs: settings.testInputs }),
  };
  const name = options.name ?? 'test set';
  return {
    generate: { task, data: options.data ?? settings.data, split: 'test', ...cut },
    evaluate: {
      task,
      references,
      ...cut,
      ...(options.subsets ? { subsets: true } : ({} as Flags)),
    },
    description: describeTestInputs(settings, name),
  };
}

function describeTestInputs(settings: Settings, name: string): string {
  const { testEvery, testInputs } = settings;
  const spread = testEvery === undefined || testEvery === 1 ? undefined : testEvery;
  if (spread === undefined)
    return testInputs === undefined
      ? `the whole ${name}`
      : `the first ${testInputs} inputs of the ${name}`;
  const every = `one input in ${spread} of the ${name} (every ${spread}-th, from the first)`;
  return testInputs === undefined ? every : `the first ${testInputs} of ${every}`;
}

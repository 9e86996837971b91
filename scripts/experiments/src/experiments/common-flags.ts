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

/**
 * The dev subset that picks learning rates: the first `devInputs` of every K-th unique dev input,
 * K from --dev-every, else `spreadOver / devInputs` when the experiment gives how many dev inputs
 * its file has in an order that groups them (WebNLG's by triple-set size, DART's by source: the
 * first inputs alone would all be of one kind), else 1.
 */
export function devEvaluation(
  settings: Settings,
  task: ExperimentTask,
  references: string,
  options: { data?: string; spreadOver?: number } = {},
): Evaluation {
  const every =
    settings.devEvery ??
    (options.spreadOver === undefined
      ? 1
      : Math.max(1, Math.floor(options.spreadOver / settings.devInputs)));
  const { flags, description } = inputSubset('dev set', every, settings.devInputs);
  return {
    generate: { task, data: options.data ?? settings.data, split: 'dev', ...flags },
    evaluate: { task, references, ...flags },
    description,
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
  const { flags, description } = inputSubset(
    options.name ?? 'test set',
    settings.testEvery ?? 1,
    settings.testInputs,
  );
  return {
    generate: { task, data: options.data ?? settings.data, split: 'test', ...flags },
    evaluate: {
      task,
      references,
      ...flags,
      ...(options.subsets ? { subsets: true } : ({} as Flags)),
    },
    description,
  };
}

/**
 * A split's inputs as `prefixkit generate` and `evaluate` select them (every `every`-th, then the
 * first `first` of those), with how the tables describe that selection.
 */
function inputSubset(
  name: string,
  every: number,
  first: number | undefined,
): { flags: Flags; description: string } {
  const flags: Flags = {
    ...(every === 1 ? {} : { every }),
    ...(first === undefined ? {} : { maxInputs: first }),
  };
  if (every === 1)
    return {
      flags,
      description:
        first === undefined ? `the whole ${name}` : `the first ${first} inputs of the ${name}`,
    };
  const spread = `one input in ${every} of the ${name} (every ${every}-th, from the first)`;
  return { flags, description: first === undefined ? spread : `the first ${first} of ${spread}` };
}

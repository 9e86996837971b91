// `prefixkit evaluate --subsets`: the task's official test subsets scored from one hypotheses
// file of the whole test set. For WebNLG 2017 these are the seen (`old-cat`, 10 categories) and
// unseen (`new-cat`, 5 categories) parts, split by each entry's category as the official
// evaluation splits its output file; the paper reports them beside the whole set. Each subset
// is scored on its own by the same scoreTask call (corpus BLEU and TER are per subset).
import { webnlgSubsetIndices } from '@prefixkit/datasets';
import { type ScoreTaskOptions, scoreTask, type TaskScores } from '@prefixkit/metrics';
import { UsageError } from '../errors';
import type { ReferenceSet } from './read-references';
import type { EvaluateTask } from './task-metrics';

export const subsetNames = ['seen', 'unseen'] as const;
export type SubsetName = (typeof subsetNames)[number];

export interface SubsetScores {
  /** Inputs in the subset (0: none of the scored inputs is in it, and no scores). */
  inputs: number;
  scores: TaskScores;
}

/** Refuses --subsets for a task without official subsets, before any file is read. */
export function checkSubsetsTask(task: EvaluateTask): void {
  if (task !== 'webnlg')
    throw new UsageError(
      'CLI_BAD_OPTION_VALUE',
      `--subsets: --task ${task} has no official test subsets; only webnlg has (seen and unseen categories)`,
    );
}

/** Scores every subset of `references` (which must name each input's category). */
export async function scoreSubsets(
  task: EvaluateTask,
  hypotheses: readonly string[],
  references: ReferenceSet,
  referencesFile: string,
  options: ScoreTaskOptions,
): Promise<Record<SubsetName, SubsetScores>> {
  const categories = references.categories;
  if (!categories)
    throw new UsageError(
      'CLI_BAD_OPTION_VALUE',
      `--subsets: ${referencesFile} (${references.format}) does not name each input's category; pass the WebNLG test XML or JSON`,
    );
  const items = categories.map((category) => (category === undefined ? {} : { category }));
  const result = {} as Record<SubsetName, SubsetScores>;
  for (const subset of subsetNames) {
    const indices = webnlgSubsetIndices(items, subset);
    const scores =
      indices.length === 0
        ? {}
        : await scoreTask(
            task,
            {
              hypotheses: indices.map((index) => hypotheses[index]!),
              references: indices.map((index) => references.references[index]!),
            },
            options,
          );
    result[subset] = { inputs: indices.length, scores };
  }
  return result;
}

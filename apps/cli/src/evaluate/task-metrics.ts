// The metrics each task's official evaluation reports, and the check of `--metrics` against them.
// Kept apart from score-task.ts so --help and option checks do not load the metrics package.
import { UsageError } from '../errors';
import type { EvaluateTask } from './read-references';

export const allMetricNames = [
  'bleu',
  'nist',
  'meteor',
  'rouge-l',
  'cider',
  'ter',
  'rouge-1',
  'rouge-2',
] as const;
export type MetricName = (typeof allMetricNames)[number];

/** Each task's official metrics, in the order its papers report them. */
export const taskMetrics: Record<EvaluateTask, readonly MetricName[]> = {
  e2e: ['bleu', 'nist', 'meteor', 'rouge-l', 'cider'],
  webnlg: ['bleu', 'ter', 'meteor'],
  dart: ['bleu', 'ter', 'meteor'],
  xsum: ['rouge-1', 'rouge-2', 'rouge-l'],
};

/** Which metrics to compute; a metric that is not official for the task is a usage error. */
export function chooseMetrics(
  task: EvaluateTask,
  requested: readonly MetricName[] | undefined,
): MetricName[] {
  const official = taskMetrics[task];
  if (!requested) return [...official];
  for (const metric of requested) {
    if (!official.includes(metric)) {
      throw new UsageError(
        'CLI_BAD_OPTION_VALUE',
        `--metrics: ${metric} is not an official metric of --task ${task}; expected some of ${official.join(', ')}`,
      );
    }
  }
  return [...new Set(requested)];
}

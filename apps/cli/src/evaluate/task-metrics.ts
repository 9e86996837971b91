// The check of `--metrics` against the task's official set. The tasks, their metrics and the
// metric names are @prefixkit/metrics' registry; its `./tasks` entry holds only the registry, so
// --help and option checks do not load the scorers.
import {
  officialMetricNames,
  TASK_METRIC_NAMES,
  TASK_NAMES,
  type TaskMetricName,
  type TaskName,
} from '@prefixkit/metrics/tasks';
import { UsageError } from '../errors';

export { TASK_METRIC_NAMES as allMetricNames, TASK_NAMES as evaluateTasks };
export type MetricName = TaskMetricName;
export type EvaluateTask = TaskName;

/** Which metrics to compute; a metric that is not official for the task is a usage error. */
export function chooseMetrics(
  task: EvaluateTask,
  requested: readonly MetricName[] | undefined,
): MetricName[] {
  const official = officialMetricNames(task);
  if (!requested) return official;
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

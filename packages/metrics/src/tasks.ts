// `@prefixkit/metrics/tasks`: the registry of tasks and their official metrics alone, with no
// scorer behind it, so that a CLI's --help and option checks can list them without loading the
// metrics (the main entry re-exports the same values).
export {
  type MetricScale,
  type OfficialMetric,
  officialMetricNames,
  TASK_METRIC_NAMES,
  TASK_METRICS,
  TASK_NAMES,
  type TaskMetricName,
  type TaskName,
} from './tasks/official-metrics';

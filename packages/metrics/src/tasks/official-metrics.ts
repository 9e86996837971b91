// Each task's official metric set: which metrics its official evaluation reports, in the order
// its papers print them, under the label and on the scale the official script prints. The one
// list of tasks and metric names; the CLI's options, help and tables are derived from it.

/** How the official script prints a metric: a fraction, a percentage, or unbounded (NIST, CIDEr). */
export type MetricScale = '0-1' | '0-100' | 'unbounded';

/** One metric of a task's official set. */
export interface OfficialMetric {
  /** The name used to request it (`--metrics bleu,meteor`). */
  readonly name: TaskMetricName;
  /** The name the official script prints (`BLEU`, `ROUGE_L`, `rouge1`). */
  readonly label: string;
  readonly scale: MetricScale;
}

/** Every metric name a task can report. */
export const TASK_METRIC_NAMES = [
  'bleu',
  'nist',
  'meteor',
  'rouge-l',
  'cider',
  'ter',
  'rouge-1',
  'rouge-2',
] as const;
export type TaskMetricName = (typeof TASK_METRIC_NAMES)[number];

const metric = (name: TaskMetricName, label: string, scale: MetricScale): OfficialMetric => ({
  name,
  label,
  scale,
});

// WebNLG 2017 as the prefix-tuning paper's scripts run it; DART follows the same conventions.
const webnlg2017 = [
  // multi-bleu.perl prints BLEU as a percentage.
  metric('bleu', 'BLEU', '0-100'),
  metric('ter', 'TER', '0-1'),
  metric('meteor', 'METEOR', '0-1'),
];

/** Each task's official metrics, in reporting order. */
export const TASK_METRICS = {
  /** tuetschek/e2e-metrics `measure_scores.py` (BLEU on 0-1). */
  e2e: [
    metric('bleu', 'BLEU', '0-1'),
    metric('nist', 'NIST', 'unbounded'),
    metric('meteor', 'METEOR', '0-1'),
    metric('rouge-l', 'ROUGE_L', '0-1'),
    metric('cider', 'CIDEr', 'unbounded'),
  ],
  webnlg: webnlg2017,
  dart: webnlg2017,
  /** Google's `rouge_score` (Porter stemming, best reference, mean F1). */
  xsum: [
    metric('rouge-1', 'rouge1', '0-1'),
    metric('rouge-2', 'rouge2', '0-1'),
    metric('rouge-l', 'rougeL', '0-1'),
  ],
} as const satisfies Record<string, readonly OfficialMetric[]>;

export type TaskName = keyof typeof TASK_METRICS;

/** The tasks with an official metric set, in registry order. */
export const TASK_NAMES = Object.keys(TASK_METRICS) as TaskName[];

/** The names of a task's official metrics, in reporting order. */
export function officialMetricNames(task: TaskName): TaskMetricName[] {
  return TASK_METRICS[task].map((entry) => entry.name);
}

// One corpus scorer per task, the only scoring path of the CLI, the quickstart and the
// experiment scripts: a task's official metrics, computed on its official tokenisation and
// printed on its official scales, from raw hypotheses and raw references.
import { MetricInputError } from '../errors';
import type { CorpusInput } from '../types';
import {
  type MetricScale,
  officialMetricNames,
  TASK_METRICS,
  TASK_NAMES,
  type TaskMetricName,
  type TaskName,
} from './official-metrics';
import { scoreE2ETask } from './score-e2e-task';
import { scoreWebNLGTask } from './score-webnlg-task';
import { scoreXsumTask } from './score-xsum-task';
import type { MeteorResources, TaskScorer } from './task-scorer';

const TASK_SCORERS: Record<TaskName, TaskScorer> = {
  e2e: scoreE2ETask,
  webnlg: scoreWebNLGTask,
  dart: scoreWebNLGTask,
  xsum: scoreXsumTask,
};

export interface ScoreTaskOptions {
  /** Metrics to compute (default: the task's official set); each must be official for it. */
  metrics?: readonly TaskMetricName[];
  /** METEOR's data; required when METEOR is computed. */
  meteor?: MeteorResources;
  /** Keep the per-segment scores (default false). */
  segments?: boolean;
}

/** One metric's corpus score as the task's official script prints it. */
export interface TaskScore {
  /** The name the official script prints (`BLEU`, `ROUGE_L`, `rouge1`). */
  label: string;
  /** On the official script's scale: see `scale`. */
  score: number;
  scale: MetricScale;
  signature: string;
  /** Per-segment scores on the same scale, only with `segments: true`. */
  segments?: number[];
}

export type TaskScores = Partial<Record<TaskMetricName, TaskScore>>;

/** The metrics to compute: the official set, or the requested ones if all are official. */
export function chooseTaskMetrics(
  task: TaskName,
  requested: readonly TaskMetricName[] | undefined,
): TaskMetricName[] {
  if (!Object.hasOwn(TASK_METRICS, task)) {
    throw new MetricInputError('scoreTask', 'task', {
      expected: `one of ${TASK_NAMES.join(', ')}`,
      got: String(task),
    });
  }
  const official = officialMetricNames(task);
  if (requested === undefined) return official;
  for (const name of requested) {
    if (!official.includes(name)) {
      throw new MetricInputError(task, 'metric', {
        expected: `some of ${official.join(', ')}`,
        got: String(name),
      });
    }
  }
  return official.filter((name) => requested.includes(name));
}

/**
 * Scores raw hypotheses against raw, grouped references the way the task's official evaluation
 * does, returning the chosen metrics in reporting order.
 *
 * @example
 * const synonyms = loadMeteorSynonyms(); // @prefixkit/metrics/node, or parsed in the browser
 * const scores = await scoreTask('e2e', { hypotheses, references }, { meteor: { synonyms } });
 * scores.meteor?.score; // 0.4454 for the E2E tgen system
 */
export async function scoreTask(
  task: TaskName,
  input: CorpusInput,
  options: ScoreTaskOptions = {},
): Promise<TaskScores> {
  const metrics = chooseTaskMetrics(task, options.metrics);
  if (metrics.includes('meteor') && options.meteor?.synonyms === undefined) {
    throw new MetricInputError(task, 'METEOR resources', {
      expected:
        'WordNet synonyms in options.meteor.synonyms (loadMeteorResources() from @prefixkit/metrics/node)',
      got: 'none',
    });
  }
  const computed = await TASK_SCORERS[task](input, new Set(metrics), options.meteor);
  const scores: TaskScores = {};
  for (const { name, label, scale } of TASK_METRICS[task]) {
    const result = computed[name];
    if (!metrics.includes(name) || result === undefined) continue;
    // The scorers return fractions; multi-bleu.perl prints percentages.
    const factor = scale === '0-100' ? 100 : 1;
    scores[name] = {
      label,
      score: result.score * factor,
      scale,
      signature: result.signature,
      ...(options.segments ? { segments: result.segments.map((value) => value * factor) } : {}),
    };
  }
  return scores;
}

// XSum as Google's rouge_score scores it: Porter stemming, the best reference, mean F1.
import { type RougeType, rougeScore } from '../rouge/rouge-score';
import type { TaskMetricName } from './official-metrics';
import type { ScoredMetric, TaskScorer } from './task-scorer';

const ROUGE_TYPES: [TaskMetricName, RougeType][] = [
  ['rouge-1', 'rouge1'],
  ['rouge-2', 'rouge2'],
  ['rouge-l', 'rougeL'],
];

export const scoreXsumTask: TaskScorer = async (input, wanted) => {
  const scores: Partial<Record<TaskMetricName, ScoredMetric>> = {};
  for (const [name, type] of ROUGE_TYPES) {
    if (!wanted.has(name)) continue;
    const { score, segments, signature } = rougeScore(type, input.hypotheses, input.references);
    scores[name] = { score, segments, signature };
  }
  return scores;
};

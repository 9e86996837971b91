// The learning rate a row keeps: the highest dev BLEU on the dev subset; equal BLEU goes to the
// lower dev loss (from the run's log), then to the smaller rate (the safer one). A choice at
// either end of the grid is flagged: the best rate may lie outside what was tried.

export interface SweepPoint {
  readonly learningRate: number;
  /** Dev BLEU on the dev subset (higher is better). */
  readonly devBleu: number;
  /** The run's last dev loss, when its log has one. */
  readonly devLoss?: number | null;
}

export interface LearningRateChoice {
  readonly learningRate: number;
  /** The smallest or largest rate tried won (with at least two tried). */
  readonly atGridEdge: boolean;
}

const lossOf = (point: SweepPoint) => point.devLoss ?? Number.POSITIVE_INFINITY;

/** Picks a learning rate from at least one sweep point. */
export function chooseLearningRate(points: readonly SweepPoint[]): LearningRateChoice {
  if (points.length === 0) throw new Error('chooseLearningRate: no learning rate was tried');
  const best = [...points].sort(
    (a, b) => b.devBleu - a.devBleu || lossOf(a) - lossOf(b) || a.learningRate - b.learningRate,
  )[0]!;
  const rates = points.map((point) => point.learningRate);
  const lowest = rates.reduce((low, rate) => Math.min(low, rate));
  const highest = rates.reduce((high, rate) => Math.max(high, rate));
  const atGridEdge =
    points.length > 1 && (best.learningRate === lowest || best.learningRate === highest);
  return { learningRate: best.learningRate, atGridEdge };
}

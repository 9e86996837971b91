// The finished hypotheses of one prompt row in beam search: BeamHypotheses of transformers
// <= 4.35 with early_stopping=False (docs/reference/REFERENCE-SPEC.md "Beam search", rules 4-6).
// Scores are doubles of float32 sums: sum_logprobs / length ** lengthPenalty, length = the full
// sequence (prompt + generated).

export interface Hypothesis {
  readonly tokens: readonly number[];
  readonly score: number;
}

export class BeamHypotheses {
  /** In the order added (deletions keep the order of the rest). */
  private readonly entries: Hypothesis[] = [];
  private worst = 1e9;

  constructor(
    private readonly numBeams: number,
    private readonly lengthPenalty: number,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** Offers a finished sequence with its summed log-probability. */
  add(tokens: readonly number[], sumLogprobs: number): void {
    const score = sumLogprobs / tokens.length ** this.lengthPenalty;
    if (this.entries.length < this.numBeams || score > this.worst) {
      this.entries.push({ tokens, score });
      if (this.entries.length > this.numBeams) {
        // Drop the lowest (the earliest added among equals); worst becomes the next lowest.
        const ranked = this.entries
          .map((entry, index) => ({ score: entry.score, index }))
          .sort((a, b) => a.score - b.score || a.index - b.index);
        this.entries.splice(ranked[0]!.index, 1);
        this.worst = ranked[1]!.score;
      } else {
        this.worst = Math.min(score, this.worst);
      }
    }
  }

  /** No live beam can still beat the finished ones (early_stopping=False rule, full length). */
  isDone(bestSumLogprobs: number, currentLength: number): boolean {
    if (this.entries.length < this.numBeams) return false;
    return this.worst >= bestSumLogprobs / currentLength ** this.lengthPenalty;
  }

  /** The highest score; on ties the last added. */
  best(): Hypothesis {
    let best = this.entries[0]!;
    for (const entry of this.entries) if (entry.score >= best.score) best = entry;
    return best;
  }
}

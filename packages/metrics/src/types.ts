// Result shapes shared by every metric: one corpus score, one score per segment, and a
// sacreBLEU-style signature naming exactly what was computed.

/** The result of scoring a corpus with one metric; plain JSON. */
export interface CorpusResult {
  /** Corpus-level score as the official implementation reports it (not rounded). */
  score: number;
  /** One score per hypothesis, in input order. */
  segments: number[];
  /** What was computed, e.g. `BLEU|tok:mteval-13a|case:lc|smooth:mteval-13a|refs:1-45|n:4`. */
  signature: string;
  /** Metric-specific totals (n-gram matches, lengths, brevity penalty ...). */
  details?: Record<string, number | number[] | string>;
}

/** Hypotheses (one per segment) with their references (one or more per segment). */
export interface CorpusInput {
  hypotheses: readonly string[];
  references: readonly (readonly string[])[];
}

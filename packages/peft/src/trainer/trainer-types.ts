// The trainer's event and result types (for the CLI's progress bar and the demo).

/** Emitted after every optimiser step. */
export interface ProgressEvent {
  readonly step: number;
  readonly totalSteps: number;
  readonly epoch: number;
  /** Mean training loss of this step's micro-batches. */
  readonly loss: number;
  readonly learningRate: number;
  /** Gradient norm before clipping (null without clipping). */
  readonly gradNorm: number | null;
  /** Non-padding tokens per second over this step. */
  readonly tokensPerSecond: number;
  /** Estimated seconds to the last step, from the mean step time so far. */
  readonly etaSeconds: number;
}

/** Emitted after every evaluation. */
export interface EvaluationEvent {
  readonly step: number;
  readonly evalLoss: number;
  /** What the caller's `evaluate` callback returned (generation metrics: BLEU, ...). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly improved: boolean;
}

export interface TrainResult {
  readonly steps: number;
  readonly stoppedBy: 'completed' | 'early-stopping' | 'aborted';
  readonly lastLoss: number | null;
  readonly bestEvalLoss: number | null;
  /** Step of the best evaluation (its weights are restored after early stopping by default). */
  readonly bestStep: number | null;
  readonly evaluations: readonly EvaluationEvent[];
}

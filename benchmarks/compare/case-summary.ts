// Turns each side's repetition times into the figures of the document, the same way for
// prefixkit and PyTorch: medians in ms per step and tokens per second, with the repetitions
// kept, and the speed ratio prefixkit / PyTorch.
import type { DecodeCase, MixedCase, TrainCase } from './cases';
import { median, rounded, stepTimes } from './timing';

export interface SideSummary {
  /** Median ms per decoding step, per optimiser step, or per mixed-prefix forward. */
  readonly msPerStep: number;
  /** Decoding: prompt rows per step (beams are internal); training and forward: batch tokens. */
  readonly tokensPerSecond: number;
  readonly [detail: string]: unknown;
}

const rounds = (values: readonly number[]) => values.map(rounded);

/** promptMs / totalMs per repetition -> ms per step excluding the prompt pass, reported apart. */
export function summarizeDecode(
  decodeCase: DecodeCase,
  times: { promptMs: readonly number[]; totalMs: readonly number[] },
): SideSummary {
  const steps = stepTimes(times.promptMs, times.totalMs, decodeCase.newTokens);
  const msPerStep = median(steps);
  return {
    msPerStep: rounded(msPerStep),
    tokensPerSecond: rounded((decodeCase.rows * 1000) / msPerStep),
    promptMs: rounded(median(times.promptMs)),
    stepMsReps: rounds(steps),
    promptMsReps: rounds(times.promptMs),
    totalMsReps: rounds(times.totalMs),
  };
}

export function summarizeTrain(
  trainCase: TrainCase,
  times: { stepMs: readonly number[] },
): SideSummary {
  const msPerStep = median(times.stepMs);
  return {
    msPerStep: rounded(msPerStep),
    tokensPerSecond: rounded((trainCase.batch * trainCase.tokens * 1000) / msPerStep),
    stepMsReps: rounds(times.stepMs),
  };
}

/** The mixed forward is the case's figure; the single-prefix forward and mixed/single beside it. */
export function summarizeMixed(
  mixedCase: MixedCase,
  times: { singleMs: readonly number[]; mixedMs: readonly number[] },
): SideSummary {
  const tokens = mixedCase.batch * mixedCase.tokens;
  const mixed = median(times.mixedMs);
  const single = median(times.singleMs);
  return {
    msPerStep: rounded(mixed),
    tokensPerSecond: rounded((tokens * 1000) / mixed),
    singleMsPerStep: rounded(single),
    singleTokensPerSecond: rounded((tokens * 1000) / single),
    mixedToSingle: rounded(single / mixed),
    mixedMsReps: rounds(times.mixedMs),
    singleMsReps: rounds(times.singleMs),
  };
}

/** prefixkit's speed over PyTorch's (> 1: prefixkit is faster); null when a side has no figure. */
export function speedRatio(
  prefixkit: SideSummary | undefined,
  pytorch: SideSummary | undefined,
): number | null {
  if (!prefixkit || !pytorch) return null;
  return rounded(pytorch.msPerStep / prefixkit.msPerStep);
}

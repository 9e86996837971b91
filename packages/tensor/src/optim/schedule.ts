// Learning-rate schedules, plain numbers on the host (HF get_linear_schedule_with_warmup).

export interface LinearScheduleOptions {
  /** The learning rate at the end of warm-up. */
  peakLr: number;
  /** Steps of linear warm-up from 0. Default 0. */
  warmupSteps?: number;
  /** Total steps; the rate decays linearly to 0 at this step. */
  totalSteps: number;
}

/**
 * lr(step) = peak * step / warmup during warm-up, then peak * (total - step) / (total - warmup),
 * never below 0. `step` counts optimiser steps taken so far (0 for the first update).
 */
export function linearSchedule(options: LinearScheduleOptions): (step: number) => number {
  const { peakLr, totalSteps } = options;
  const warmupSteps = options.warmupSteps ?? 0;
  return (step) => {
    if (step < warmupSteps) return (peakLr * step) / Math.max(1, warmupSteps);
    return peakLr * Math.max(0, (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
  };
}

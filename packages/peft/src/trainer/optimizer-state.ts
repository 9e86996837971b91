// Reading and restoring AdamW's moment buffers for checkpoints, through @prefixkit/tensor's
// public AdamW.stateDict() / loadStateDict(), under torch's names `<name>.exp_avg` and
// `<name>.exp_avg_sq` (parameters are matched to the optimizer's by identity).
import type { AdamW, AdamWParamState, Tensor } from '@prefixkit/tensor';
import type { HostTensor } from '../parameter-store';

/** Host copies of m (exp_avg) and v (exp_avg_sq) per named parameter (absent before step 1). */
export async function optimizerMoments(
  optimizer: AdamW,
  named: readonly [string, Tensor][],
): Promise<Record<string, HostTensor>> {
  const { state } = await optimizer.stateDict();
  const out: Record<string, HostTensor> = {};
  for (const [name, parameter] of named) {
    const entry = state[optimizer.params.indexOf(parameter)];
    if (!entry) continue;
    out[`${name}.exp_avg`] = { shape: [...parameter.shape], data: Float32Array.from(entry.expAvg) };
    out[`${name}.exp_avg_sq`] = {
      shape: [...parameter.shape],
      data: Float32Array.from(entry.expAvgSq),
    };
  }
  return out;
}

/**
 * Puts saved moments back and sets the step count (torch's state['step']). Like torch's
 * load_state_dict this replaces the whole state: parameters without saved moments start fresh.
 */
export function restoreOptimizer(
  optimizer: AdamW,
  named: readonly [string, Tensor][],
  saved: Readonly<Record<string, HostTensor>>,
  stepCount: number,
): void {
  const state: Record<number, AdamWParamState> = {};
  for (const [name, parameter] of named) {
    const m = saved[`${name}.exp_avg`];
    const v = saved[`${name}.exp_avg_sq`];
    const index = optimizer.params.indexOf(parameter);
    if (!m || !v || index < 0) continue;
    state[index] = { expAvg: m.data, expAvgSq: v.data };
  }
  optimizer.loadStateDict({ step: stepCount, state });
}

// Reading and restoring AdamW's moment buffers for checkpoints. @prefixkit/tensor's AdamW keeps
// them in a private `state` map and has no state-dict API yet, so this one file reaches in,
// checking the shape of what it finds (InternalError if that ever changes).
import { InternalError } from '@prefixkit/errors';
import { type AdamW, keep, type Tensor, tensor } from '@prefixkit/tensor';
import type { HostTensor } from '../parameter-store';

type Moments = Map<Tensor, { m: Tensor; v: Tensor }>;

function moments(optimizer: AdamW): Moments {
  const state = (optimizer as unknown as { state?: unknown }).state;
  if (!(state instanceof Map))
    throw new InternalError('AdamW has no `state` map: update trainer/optimizer-state.ts');
  return state as Moments;
}

/** Host copies of m (exp_avg) and v (exp_avg_sq) per named parameter (absent before step 1). */
export async function optimizerMoments(
  optimizer: AdamW,
  named: readonly [string, Tensor][],
): Promise<Record<string, HostTensor>> {
  const state = moments(optimizer);
  const out: Record<string, HostTensor> = {};
  for (const [name, parameter] of named) {
    const entry = state.get(parameter);
    if (!entry) continue;
    out[`${name}.exp_avg`] = {
      shape: [...parameter.shape],
      data: Float32Array.from(await entry.m.data()),
    };
    out[`${name}.exp_avg_sq`] = {
      shape: [...parameter.shape],
      data: Float32Array.from(await entry.v.data()),
    };
  }
  return out;
}

/** Puts saved moments back and sets the step count (torch's state['step']). */
export function restoreOptimizer(
  optimizer: AdamW,
  named: readonly [string, Tensor][],
  saved: Readonly<Record<string, HostTensor>>,
  stepCount: number,
): void {
  const state = moments(optimizer);
  for (const [name, parameter] of named) {
    const m = saved[`${name}.exp_avg`];
    const v = saved[`${name}.exp_avg_sq`];
    if (!m || !v) continue;
    const make = (value: HostTensor) =>
      keep(
        tensor(value.data, parameter.shape, { backend: parameter.backend, dtype: parameter.dtype }),
      );
    state.get(parameter)?.m.dispose();
    state.get(parameter)?.v.dispose();
    state.set(parameter, { m: make(m), v: make(v) });
  }
  optimizer.stepCount = stepCount;
}

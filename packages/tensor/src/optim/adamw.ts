// AdamW on the device, exactly as torch.optim.AdamW(foreach=False) computes it
// (docs/reference/REFERENCE-SPEC.md): one fused kernel per parameter tensor updates p, m and v in place. The
// step-dependent scalars are computed here in double, as torch computes them in Python floats.

import { keep } from '../autograd/scope';
import { InvalidArgumentError } from '../errors';
import { newTensor, runKernel } from '../ops/op-utils';
import type { Tensor } from '../tensor';
import {
  checkNonNegative,
  type OptimizerStateValue,
  parameterAt,
  readState,
  stateLoader,
} from './optimizer-state';

export interface AdamWOptions {
  /** Default 1e-3 (torch). */
  lr?: number;
  /** Default [0.9, 0.999]. */
  betas?: readonly [number, number];
  /** Default 1e-8. */
  eps?: number;
  /** Decoupled weight decay, applied to every parameter. Default 0.01 (torch). */
  weightDecay?: number;
}

/** One parameter's AdamW buffers (torch's `exp_avg`, `exp_avg_sq`). */
export interface AdamWParamState<V = Float32Array | Float64Array> {
  readonly expAvg: V;
  readonly expAvgSq: V;
}

/**
 * AdamW's state, shaped like torch's `optimizer.state_dict()`: buffers keyed by the parameter's
 * index in `params` (parameters that never had a gradient have no entry), the step count
 * (torch's per-parameter `state['step']`; one shared count here) and the hyperparameters.
 * stateDict() returns host typed arrays; loadStateDict() also accepts tensors (copied).
 */
export interface AdamWStateDict<V = Float32Array | Float64Array> {
  readonly step: number;
  readonly state: Readonly<Record<number, AdamWParamState<V>>>;
  readonly lr?: number;
  readonly betas?: readonly [number, number];
  readonly eps?: number;
  readonly weightDecay?: number;
}

export class AdamW {
  readonly params: readonly Tensor[];
  lr: number;
  /** Mutable only so loadStateDict() can restore it, as torch's load_state_dict does. */
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
  /** Steps taken so far (torch's `state['step']`). */
  stepCount = 0;
  private readonly state = new Map<Tensor, { m: Tensor; v: Tensor }>();

  constructor(params: readonly Tensor[], options: AdamWOptions = {}) {
    this.params = params;
    this.lr = options.lr ?? 1e-3;
    this.betas = options.betas ?? [0.9, 0.999];
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 1e-2;
    if (!(this.lr >= 0)) throw new InvalidArgumentError('AdamW', 'lr', 'a number >= 0', this.lr);
    checkBetas('AdamW', this.betas);
  }

  /**
   * Host copies of the moments, the step count and the hyperparameters (reads back from the
   * device). Save the arrays under torch's names `<param>.exp_avg` / `<param>.exp_avg_sq`.
   * @example const saved = await optimizer.stateDict(); // later: optimizer.loadStateDict(saved)
   */
  async stateDict(): Promise<AdamWStateDict> {
    const state: Record<number, AdamWParamState> = {};
    for (const [index, param] of this.params.entries()) {
      const entry = this.state.get(param);
      if (!entry) continue;
      state[index] = { expAvg: await readState(entry.m), expAvgSq: await readState(entry.v) };
    }
    const { stepCount: step, lr, betas, eps, weightDecay } = this;
    return { step, state, lr, betas: [...betas] as [number, number], eps, weightDecay };
  }

  /**
   * Replaces the whole state with `dict` (torch's load_state_dict): parameters without an
   * entry start from zero moments at their next step. Values are copied (host arrays or tensors
   * on the parameters' backend); hyperparameters present in `dict` are restored. Everything is
   * checked before anything changes: InvalidArgumentError (index, step, hyperparameters),
   * ShapeMismatchError (size), DTypeMismatchError, BackendMismatchError.
   */
  loadStateDict(dict: AdamWStateDict<OptimizerStateValue>): void {
    const op = 'AdamW.loadStateDict';
    if (!(Number.isInteger(dict.step) && dict.step >= 0))
      throw new InvalidArgumentError(op, 'step', 'an integer >= 0', dict.step);
    if (dict.lr !== undefined) checkNonNegative(op, 'lr', dict.lr);
    if (dict.eps !== undefined) checkNonNegative(op, 'eps', dict.eps);
    if (dict.weightDecay !== undefined) checkNonNegative(op, 'weightDecay', dict.weightDecay);
    if (dict.betas !== undefined) checkBetas(op, dict.betas);
    const loaders = Object.entries(dict.state).map(([key, entry]) => {
      const { param } = parameterAt(op, this.params, key);
      const m = stateLoader(op, param, `state[${key}].expAvg`, entry?.expAvg);
      const v = stateLoader(op, param, `state[${key}].expAvgSq`, entry?.expAvgSq);
      return { param, m, v };
    });
    this.dispose();
    for (const { param, m, v } of loaders) this.state.set(param, { m: m(), v: v() });
    this.stepCount = dict.step;
    if (dict.lr !== undefined) this.lr = dict.lr;
    if (dict.betas !== undefined) this.betas = [...dict.betas] as [number, number];
    if (dict.eps !== undefined) this.eps = dict.eps;
    if (dict.weightDecay !== undefined) this.weightDecay = dict.weightDecay;
  }

  /** One update of every parameter that has a gradient; `lr` overrides this.lr for the step. */
  step(lr: number = this.lr): void {
    this.stepCount++;
    const k = this.stepCount;
    const [beta1, beta2] = this.betas;
    const uniforms = {
      decay: 1 - lr * this.weightDecay,
      beta1,
      oneMinusBeta1: 1 - beta1,
      beta2,
      oneMinusBeta2: 1 - beta2,
      stepSize: lr / (1 - beta1 ** k),
      bc2Sqrt: Math.sqrt(1 - beta2 ** k),
      eps: this.eps,
    };
    for (const p of this.params) {
      if (!p.grad || p.size === 0) continue;
      let state = this.state.get(p);
      if (!state) {
        state = {
          m: keep(newTensor(p.backend, p.shape, p.dtype)),
          v: keep(newTensor(p.backend, p.shape, p.dtype)),
        };
        this.state.set(p, state);
      }
      runKernel('AdamW.step', 'adamwStep', [p.grad], [p, state.m, state.v], {
        size: p.size,
        ...uniforms,
      });
    }
  }

  /** Disposes the parameters' gradients. */
  zeroGrad(): void {
    for (const p of this.params) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  /** Frees the moment buffers. */
  dispose(): void {
    for (const { m, v } of this.state.values()) {
      m.dispose();
      v.dispose();
    }
    this.state.clear();
  }
}

function checkBetas(op: string, betas: readonly number[]): void {
  if (betas.length !== 2 || !betas.every((beta) => beta >= 0 && beta < 1))
    throw new InvalidArgumentError(op, 'betas', 'two values in [0, 1)', `[${betas.join(', ')}]`);
}

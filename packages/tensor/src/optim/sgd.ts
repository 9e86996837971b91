// SGD on the device as torch.optim.SGD computes it (weight decay added to the gradient,
// optional momentum with dampening; no Nesterov): one fused kernel per parameter tensor.
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

export interface SgdOptions {
  lr: number;
  /** Default 0. */
  momentum?: number;
  /** Default 0. */
  dampening?: number;
  /** Default 0. */
  weightDecay?: number;
}

/**
 * SGD's state, shaped like torch's `optimizer.state_dict()`: momentum buffers (torch's
 * `momentum_buffer`) keyed by the parameter's index in `params` (none without momentum, or
 * before a parameter's first step) and the hyperparameters.
 */
export interface SgdStateDict<V = Float32Array | Float64Array> {
  readonly state: Readonly<Record<number, { readonly momentumBuffer: V }>>;
  readonly lr?: number;
  readonly momentum?: number;
  readonly dampening?: number;
  readonly weightDecay?: number;
}

export class SGD {
  readonly params: readonly Tensor[];
  lr: number;
  /** Mutable only so loadStateDict() can restore it, as torch's load_state_dict does. */
  momentum: number;
  dampening: number;
  weightDecay: number;
  private readonly buffers = new Map<Tensor, Tensor>();

  constructor(params: readonly Tensor[], options: SgdOptions) {
    this.params = params;
    this.lr = options.lr;
    this.momentum = options.momentum ?? 0;
    this.dampening = options.dampening ?? 0;
    this.weightDecay = options.weightDecay ?? 0;
    if (!(this.lr >= 0)) throw new InvalidArgumentError('SGD', 'lr', 'a number >= 0', this.lr);
    if (!(this.momentum >= 0))
      throw new InvalidArgumentError('SGD', 'momentum', 'a number >= 0', this.momentum);
  }

  /** Host copies of the momentum buffers and the hyperparameters (reads back from the device). */
  async stateDict(): Promise<SgdStateDict> {
    const state: Record<number, { momentumBuffer: Float32Array | Float64Array }> = {};
    for (const [index, param] of this.params.entries()) {
      const buffer = this.buffers.get(param);
      if (buffer) state[index] = { momentumBuffer: await readState(buffer) };
    }
    const { lr, momentum, dampening, weightDecay } = this;
    return { state, lr, momentum, dampening, weightDecay };
  }

  /**
   * Replaces the whole state with `dict` (torch's load_state_dict; values copied from host
   * arrays or tensors). Everything is checked before anything changes (typed errors as AdamW's).
   */
  loadStateDict(dict: SgdStateDict<OptimizerStateValue>): void {
    const op = 'SGD.loadStateDict';
    for (const key of ['lr', 'momentum', 'dampening', 'weightDecay'] as const) {
      const value = dict[key];
      if (value !== undefined) checkNonNegative(op, key, value);
    }
    const loaders = Object.entries(dict.state).map(([key, entry]) => {
      const { param } = parameterAt(op, this.params, key);
      return {
        param,
        load: stateLoader(op, param, `state[${key}].momentumBuffer`, entry?.momentumBuffer),
      };
    });
    this.dispose();
    for (const { param, load } of loaders) this.buffers.set(param, load());
    if (dict.lr !== undefined) this.lr = dict.lr;
    if (dict.momentum !== undefined) this.momentum = dict.momentum;
    if (dict.dampening !== undefined) this.dampening = dict.dampening;
    if (dict.weightDecay !== undefined) this.weightDecay = dict.weightDecay;
  }

  /** One update of every parameter that has a gradient; `lr` overrides this.lr for the step. */
  step(lr: number = this.lr): void {
    for (const p of this.params) {
      if (!p.grad || p.size === 0) continue;
      if (this.momentum === 0) {
        runKernel('SGD.step', 'sgdStep', [p.grad], [p], {
          size: p.size,
          lr,
          weightDecay: this.weightDecay,
        });
        continue;
      }
      let buffer = this.buffers.get(p);
      const first = buffer === undefined;
      if (!buffer) {
        buffer = keep(newTensor(p.backend, p.shape, p.dtype));
        this.buffers.set(p, buffer);
      }
      runKernel('SGD.step', 'sgdMomentumStep', [p.grad], [p, buffer], {
        size: p.size,
        lr,
        weightDecay: this.weightDecay,
        momentum: this.momentum,
        dampening: this.dampening,
        first: first ? 1 : 0,
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

  /** Frees the momentum buffers. */
  dispose(): void {
    for (const buffer of this.buffers.values()) buffer.dispose();
    this.buffers.clear();
  }
}

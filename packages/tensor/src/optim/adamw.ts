// AdamW on the device, exactly as torch.optim.AdamW(foreach=False) computes it
// (REFERENCE-SPEC.md): one fused kernel per parameter tensor updates p, m and v in place. The
// step-dependent scalars are computed here in double, as torch computes them in Python floats.

import { keep } from '../autograd/scope';
import { InvalidArgumentError } from '../errors';
import { newTensor, runKernel } from '../ops/op-utils';
import type { Tensor } from '../tensor';

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

export class AdamW {
  readonly params: readonly Tensor[];
  lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
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
    for (const beta of this.betas) {
      if (!(beta >= 0 && beta < 1))
        throw new InvalidArgumentError('AdamW', 'betas', 'values in [0, 1)', this.betas);
    }
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

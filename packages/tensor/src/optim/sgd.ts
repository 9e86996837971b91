// SGD on the device as torch.optim.SGD computes it (weight decay added to the gradient,
// optional momentum with dampening; no Nesterov): one fused kernel per parameter tensor.
import { keep } from '../autograd/scope';
import { InvalidArgumentError } from '../errors';
import { newTensor, runKernel } from '../ops/op-utils';
import type { Tensor } from '../tensor';

export interface SgdOptions {
  lr: number;
  /** Default 0. */
  momentum?: number;
  /** Default 0. */
  dampening?: number;
  /** Default 0. */
  weightDecay?: number;
}

export class SGD {
  readonly params: readonly Tensor[];
  lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
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

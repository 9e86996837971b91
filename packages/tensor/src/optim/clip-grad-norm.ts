// Gradient clipping by global L2 norm (torch.nn.utils.clip_grad_norm_, norm_type 2): every
// gradient is multiplied by min(1, maxNorm / (total + 1e-6)). All on the device: one sum of
// squares per gradient into a shared [n] buffer, then one in-place scale per gradient that reads
// the coefficient from that buffer. Returns the total norm as a device scalar.

import { noGrad } from '../autograd/no-grad';
import { InvalidArgumentError } from '../errors';
import { sqrt } from '../ops/elementwise';
import { newTensor, runKernel } from '../ops/op-utils';
import { sum, sumAxisInto } from '../ops/reduce';
import type { Tensor } from '../tensor';

/** Clips the gradients of `params` in place; returns the total norm before clipping ([]). */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): Tensor | null {
  if (!(maxNorm > 0))
    throw new InvalidArgumentError('clipGradNorm', 'maxNorm', 'a number > 0', maxNorm);
  const grads = params.map((p) => p.grad).filter((g): g is Tensor => g !== null && g.size > 0);
  const first = grads[0];
  if (!first) return null;
  return noGrad(() => {
    const sumSquares = newTensor(first.backend, [grads.length], first.dtype);
    grads.forEach((g, k) => {
      sumAxisInto(
        'clipGradNorm',
        g,
        { outer: 1, reduce: g.size, inner: 1 },
        { squared: true, out: sumSquares, outOffset: k },
      );
    });
    for (const g of grads) {
      runKernel('clipGradNorm', 'clipScale', [sumSquares], [g], {
        size: g.size,
        count: grads.length,
        maxNorm,
      });
    }
    const total = sum(sumSquares);
    const norm = sqrt(total);
    total.dispose();
    sumSquares.dispose();
    return norm;
  });
}

// Dropout with a counter-based RNG: the same seed drops the same elements on every backend, and
// the backward reruns the kernel on the gradient with that seed (no mask tensor is stored).
import { record } from '../autograd/tape';
import { InvalidArgumentError } from '../errors';
import type { Tensor } from '../tensor';
import { checkFloat, commonBackend, newTensor, runKernel } from './op-utils';

export interface DropoutOptions {
  /** Probability of zeroing an element, in [0, 1). 0 returns x itself. */
  p: number;
  /** Any integer; vary it per call (e.g. step * layers + layer) for fresh masks. */
  seed: number;
}

function apply(op: string, x: Tensor, uniforms: Record<string, number>): Tensor {
  const out = newTensor(x.backend, x.shape, x.dtype);
  if (x.size > 0) runKernel(op, 'dropout', [x], [out], { size: x.size, ...uniforms });
  return out;
}

/** Zeroes each element with probability p and scales the rest by 1 / (1 - p). */
export function dropout(x: Tensor, options: DropoutOptions): Tensor {
  commonBackend('dropout', { x });
  checkFloat('dropout', 'x', x);
  const { p, seed } = options;
  if (!(p >= 0 && p < 1))
    throw new InvalidArgumentError('dropout', 'p', 'a probability in [0, 1)', p);
  if (!Number.isInteger(seed))
    throw new InvalidArgumentError('dropout', 'seed', 'an integer', seed);
  if (p === 0) return x;
  const uniforms = {
    seed: seed >>> 0,
    threshold: Math.min(0xffffffff, Math.round(p * 2 ** 32)),
    scale: 1 / (1 - p),
  };
  const out = apply('dropout', x, uniforms);
  return record('dropout', out, [x], (g) => [apply('dropout.backward', g, uniforms)]);
}

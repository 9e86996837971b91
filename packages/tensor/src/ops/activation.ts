// GPT-2's activations: gelu (gelu_new, the tanh approximation, or the exact erf form), tanh
// and relu. Forward and backward are one fused kernel each (kernels/activation).
import { record } from '../autograd/tape';
import { InvalidArgumentError } from '../errors';
import type { KernelName } from '../kernels/kernel-names';
import type { Tensor } from '../tensor';
import { checkFloat, commonBackend, newOutput, runKernel } from './op-utils';

function map(op: string, kernel: KernelName, inputs: readonly Tensor[]): Tensor {
  const first = inputs[0]!;
  const out = newOutput(first.backend, first.shape, first.dtype);
  if (first.size > 0) runKernel(op, kernel, inputs, [out], { size: first.size });
  return out;
}

function activation(op: string, forward: KernelName, backward: KernelName, savesOutput: boolean) {
  return (x: Tensor): Tensor => {
    commonBackend(op, { x });
    checkFloat(op, 'x', x);
    const out = map(op, forward, [x]);
    return record(op, out, [x], (g) => [
      map(`${op}.backward`, backward, [savesOutput ? out : x, g]),
    ]);
  };
}

const geluTanh = activation('gelu', 'geluForward', 'geluBackward', false);
const geluExact = activation('gelu', 'geluExactForward', 'geluExactBackward', false);

export interface GeluOptions {
  /**
   * 'tanh' (default): GPT-2's gelu_new, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), HF
   * activation_function "gelu_new". 'none': the exact x Phi(x) = 0.5 x (1 + erf(x / sqrt(2))),
   * HF "gelu" (torch's F.gelu default; note the default here is GPT-2's).
   */
  approximate?: 'tanh' | 'none';
}

/**
 * GELU, forward and backward one fused kernel each; GPT-2's tanh form unless
 * `{ approximate: 'none' }` asks for the erf form.
 * @example const h = gelu(x, { approximate: 'none' }); // HF activation_function "gelu"
 */
export function gelu(x: Tensor, options: GeluOptions = {}): Tensor {
  const approximate = options.approximate ?? 'tanh';
  if (approximate === 'tanh') return geluTanh(x);
  if (approximate === 'none') return geluExact(x);
  throw new InvalidArgumentError('gelu', 'approximate', "'tanh' or 'none'", approximate);
}
/** Hyperbolic tangent (its backward reuses the output). */
export const tanh: (x: Tensor) => Tensor = activation('tanh', 'tanhForward', 'tanhBackward', true);
/** max(x, 0) */
export const relu: (x: Tensor) => Tensor = activation('relu', 'reluForward', 'reluBackward', false);

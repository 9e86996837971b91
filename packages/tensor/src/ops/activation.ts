// GPT-2's activations: gelu (gelu_new, the tanh approximation), tanh and relu. Forward and
// backward are one fused kernel each (kernels/activation).
import { record } from '../autograd/tape';
import type { KernelName } from '../kernels/kernel-names';
import type { Tensor } from '../tensor';
import { checkFloat, commonBackend, newTensor, runKernel } from './op-utils';

function map(op: string, kernel: KernelName, inputs: readonly Tensor[]): Tensor {
  const first = inputs[0]!;
  const out = newTensor(first.backend, first.shape, first.dtype);
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

/** GPT-2's gelu_new: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
export const gelu: (x: Tensor) => Tensor = activation('gelu', 'geluForward', 'geluBackward', false);
/** Hyperbolic tangent (its backward reuses the output). */
export const tanh: (x: Tensor) => Tensor = activation('tanh', 'tanhForward', 'tanhBackward', true);
/** max(x, 0) */
export const relu: (x: Tensor) => Tensor = activation('relu', 'reluForward', 'reluBackward', false);

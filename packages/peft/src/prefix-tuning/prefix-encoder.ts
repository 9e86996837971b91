// The prefix parameterisations of the paper (XiangLi1999/PrefixTuning gpt2/train_control.py,
// docs/reference/REFERENCE-SPEC.md "Prefix-tuning"), with the paper's module-local names:
//   MLP  (get_prompt_p5): wte.weight E [P, C]; control_trans.0 W1 [mid, C], b1 [mid];
//                         control_trans.2 W2 [2LC, mid], b2 [2LC];  R = tanh(E W1^T + b1) W2^T + b2
//   flat (get_prompt_p2): control_trans [P, 2LC] = R
// Shapes: P prefix slots, C n_embd, L n_layer, mid the MLP width.
import type { Gpt2Config } from '@prefixkit/gpt2';
import { add, matmul, type Tensor, tanh } from '@prefixkit/tensor';
import type { ParameterShape } from '../peft-model';
import type { PrefixTuningConfig } from './prefix-config';

/** Names and shapes of the trainable tensors, from the configs alone (no allocation). */
export function prefixParameterShapes(
  model: Gpt2Config,
  config: Pick<PrefixTuningConfig, 'method' | 'prefixLength' | 'midDim'>,
): ParameterShape[] {
  const P = config.prefixLength;
  const C = model.n_embd;
  const width = 2 * model.n_layer * C;
  if (config.method === 'prefix-flat') return [{ name: 'control_trans', shape: [P, width] }];
  const mid = config.midDim;
  return [
    { name: 'wte.weight', shape: [P, C] },
    { name: 'control_trans.0.weight', shape: [mid, C] },
    { name: 'control_trans.0.bias', shape: [mid] },
    { name: 'control_trans.2.weight', shape: [width, mid] },
    { name: 'control_trans.2.bias', shape: [width] },
  ];
}

/** R [P, 2LC] from the trainable tensors (looked up by their module-local names). */
export function prefixActivations(
  method: PrefixTuningConfig['method'],
  get: (name: string) => Tensor,
): Tensor {
  if (method === 'prefix-flat') return get('control_trans'); // (P, 2LC)
  const hidden = tanh(
    add(
      matmul(get('wte.weight'), get('control_trans.0.weight'), { transposeB: true }),
      get('control_trans.0.bias'),
    ),
  ); // (P, mid)
  return add(
    matmul(hidden, get('control_trans.2.weight'), { transposeB: true }),
    get('control_trans.2.bias'),
  ); // (P, 2LC)
}

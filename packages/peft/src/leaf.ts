// Making trainable leaves on the base model's backend and dtype, kept outside any tidy scope.
import type { Gpt2Model } from '@prefixkit/gpt2';
import { keep, type Tensor, tensor } from '@prefixkit/tensor';

/** A trainable leaf tensor holding `values` on the base model's backend, in its dtype. */
export function trainableLeaf(
  base: Gpt2Model,
  values: Float32Array,
  shape: readonly number[],
): Tensor {
  return keep(
    tensor(values, shape, { backend: base.backend, dtype: base.dtype, requiresGrad: true }),
  );
}

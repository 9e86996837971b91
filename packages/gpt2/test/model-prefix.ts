// The golden prefix of test/make-fixtures.py, [L, 2, 1, H, P, D] (layer, key|value, batch 1,
// heads, slots, head size), as per-layer past keys/values [1, H, P, D] sliced from one tensor:
// gradients of the slices flow back to that one leaf.
import { reshape, slice, type Tensor } from '@prefixkit/tensor';
import type { LayerKeyValue } from '../src/model/attention';

/** The golden prefix [L, 2, 1, H, P, D] as one leaf and per-layer [1, H, P, D] slices of it. */
export function prefixFrom(leaf: Tensor): LayerKeyValue[] {
  const [L, , , H, P, D] = leaf.shape as number[];
  return Array.from({ length: L! }, (_, layer) => {
    const part = (s: number) =>
      reshape(slice(reshape(leaf, [L! * 2, H! * P! * D!]), 0, layer * 2 + s, layer * 2 + s + 1), [
        1,
        H!,
        P!,
        D!,
      ]);
    return { key: part(0), value: part(1) };
  });
}

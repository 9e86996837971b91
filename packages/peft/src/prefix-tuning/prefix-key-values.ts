// The one place where prefix activations become per-layer keys and values (STYLE.md: "KV-prefix
// reshape in exactly one function", PEFT get_prompt). Layout, docs/reference/REFERENCE-SPEC.md:
//   R[n, p, ((2*l + s)*NH + h)*HS + d] = (s == 0 ? key : value) of layer l, head h, slot p, dim d
// i.e. the paper's / PEFT's view(N, P, 2L, NH, HS).permute(2, 0, 3, 1, 4).split(2).
import type { LayerKeyValue } from '@prefixkit/gpt2';
import { permute, reshape, slice, type Tensor } from '@prefixkit/tensor';
import { PeftConfigError } from '../errors';

export interface PrefixDims {
  readonly layers: number;
  readonly heads: number;
  readonly channels: number;
}

/**
 * Splits activations R [N, P, 2*L*C] (N = 1 for one prefix shared by the batch) into L
 * {key, value} pairs of [N, NH, P, HS], ready for Gpt2Model.forward's `past`.
 */
export function prefixKeyValues(activations: Tensor, dims: PrefixDims): LayerKeyValue[] {
  const { layers: L, heads: NH, channels: C } = dims;
  const HS = C / NH;
  const [N, P, width] = activations.shape as [number, number, number];
  if (activations.rank !== 3 || width !== 2 * L * C) {
    throw new PeftConfigError(
      'prefix activations',
      `[N, P, ${2 * L * C}] (2 * n_layer * n_embd)`,
      `[${activations.shape.join(', ')}]`,
    );
  }
  const heads = permute(reshape(activations, [N, P, 2 * L, NH, HS]), [2, 0, 3, 1, 4]); // (2L, N, NH, P, HS)
  const pick = (index: number) => reshape(slice(heads, 0, index, index + 1), [N, NH, P, HS]); // (N, NH, P, HS)
  return Array.from({ length: L }, (_, layer) => ({
    key: pick(2 * layer),
    value: pick(2 * layer + 1),
  }));
}

/**
 * The inverse: per-layer keys/values [1, NH, P, HS] (e.g. a frozen LM's cache over real words)
 * laid out as host activations [P, 2*L*C] in the same order.
 */
export function activationsFromKeyValues(
  layers: readonly { key: Float32Array; value: Float32Array }[],
  dims: PrefixDims & { readonly length: number },
): Float32Array {
  const { heads: NH, channels: C, length: P } = dims;
  const HS = C / NH;
  const L = layers.length;
  const out = new Float32Array(P * 2 * L * C);
  layers.forEach((layer, l) => {
    [layer.key, layer.value].forEach((source, s) => {
      for (let h = 0; h < NH; h++)
        for (let p = 0; p < P; p++)
          for (let d = 0; d < HS; d++)
            out[p * 2 * L * C + ((2 * l + s) * NH + h) * HS + d] = source[(h * P + p) * HS + d]!;
    });
  });
  return out;
}

/** Frees per-layer keys/values built for decoding (prefixKeyValues' output). */
export function disposeKeyValues(layers: readonly LayerKeyValue[]): void {
  for (const { key, value } of layers) {
    key.dispose();
    value.dispose();
  }
}

// Several prefixes in one batch (the paper's deployment argument, Section 1 / 5): row b uses
// its own prefix activations R_b [P_b, 2LC] or none. Prefixes are padded to the longest P with
// masked slots (attention mask 0 there, so softmax gives them weight exactly 0), and each row's
// tokens take positions P_b + t, exactly as when the row runs alone with its prefix.
import type { Gpt2Model, Gpt2Output, IntMatrix } from '@prefixkit/gpt2';
import { concat, reshape, type Tensor, zeros } from '@prefixkit/tensor';
import { PeftConfigError } from '../errors';
import type { PeftForwardOptions } from '../peft-model';
import { prefixKeyValues } from '../prefix-tuning/prefix-key-values';

export interface MixedPrefixOptions
  extends Omit<PeftForwardOptions, 'positionIds' | 'positionOffset' | 'training' | 'dropoutSeed'> {
  /** Per row: prefix activations [P_b, 2*L*C] (PrefixTuningModel.exportActivations()) or null. */
  readonly prefixes: readonly (Tensor | null)[];
  /** 'after-prefix' (default, the paper): positions start at P_b; 'from-zero': at 0. */
  readonly positions?: 'after-prefix' | 'from-zero';
}

/**
 * One forward pass over rows that each use a different prefix (or none).
 * @example mixedPrefixForward(model, [[1, 2], [3, 4]], { prefixes: [tableToText, null] })
 */
export function mixedPrefixForward(
  base: Gpt2Model,
  ids: IntMatrix,
  options: MixedPrefixOptions,
): Gpt2Output {
  const { prefixes, positions = 'after-prefix', attentionMask, ...rest } = options;
  if (!Array.isArray(ids))
    throw new PeftConfigError(
      'mixedPrefixForward, argument ids',
      'host rows of token ids',
      'a tensor',
    );
  const rows = ids as readonly (readonly number[])[];
  if (prefixes.length !== rows.length)
    throw new PeftConfigError(
      'mixedPrefixForward, option prefixes',
      `one entry per row (${rows.length})`,
      String(prefixes.length),
    );
  const width = 2 * base.config.n_layer * base.config.n_embd;
  prefixes.forEach((prefix, row) => {
    if (prefix && (prefix.rank !== 2 || prefix.shape[1] !== width)) {
      throw new PeftConfigError(
        `mixedPrefixForward, prefixes[${row}]`,
        `[P, ${width}]`,
        `[${prefix.shape.join(', ')}]`,
      );
    }
  });
  if (attentionMask !== undefined && !Array.isArray(attentionMask)) {
    throw new PeftConfigError(
      'mixedPrefixForward, option attentionMask',
      'host rows [B, T]',
      'a tensor',
    );
  }
  const lengths = prefixes.map((prefix) => prefix?.shape[0] ?? 0);
  const P = lengths.reduce((longest, length) => Math.max(longest, length), 0);
  if (P === 0) return base.forward(ids, { ...rest, ...(attentionMask ? { attentionMask } : {}) });
  const T = rows[0]!.length;
  const padded = prefixes.map((prefix, row) => {
    const missing = P - lengths[row]!;
    const parts = [
      ...(prefix ? [prefix] : []),
      ...(missing > 0
        ? [zeros([missing, width], { backend: base.backend, dtype: base.dtype })]
        : []),
    ];
    return reshape(parts.length === 1 ? parts[0]! : concat(parts, 0), [1, P, width]); // (1, P, 2LC)
  });
  const past = prefixKeyValues(concat(padded, 0), {
    layers: base.config.n_layer,
    heads: base.config.n_head,
    channels: base.config.n_embd,
  }); // (B, NH, P, HS) per layer
  const tokenMask =
    (attentionMask as readonly (readonly number[])[] | undefined) ??
    rows.map(() => new Array<number>(T).fill(1));
  const mask = lengths.map((length, row) => [
    ...new Array<number>(length).fill(1),
    ...new Array<number>(P - length).fill(0),
    ...tokenMask[row]!,
  ]);
  const positionIds = lengths.map((length) =>
    Array.from({ length: T }, (_, t) => (positions === 'from-zero' ? 0 : length) + t),
  );
  return base.forward(ids, { ...rest, past, attentionMask: mask, positionIds });
}

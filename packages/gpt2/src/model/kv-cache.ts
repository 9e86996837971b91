// The KV cache we own: per-layer keys and values [N, NH, S, HS] of every position seen so far
// (a prefix-tuning prefix, the prompt, generated tokens). Gpt2Model.forward returns each
// layer's [past, new] keys and values; update() swaps them in. reorder() picks rows (beam
// search picks, for every new beam, the row of the beam it extends; a prefix of one row is
// copied to K beams the same way). The pick is only recorded: the next forward reads the held
// rows in that order while it copies them (forwardPast(), Gpt2ForwardOptions.pastRowOrder), so a
// beam step costs no gather of its own; `layers`, take() and append() gather first when a pick is
// pending. Tensors handed in by the caller (a trainable prefix) are never disposed by the cache;
// tensors it produced itself are.
import { concat, embedding, expand, noGrad, reshape, type Tensor, tensor } from '@prefixkit/tensor';
import type { LayerKeyValue } from './attention';
import { Gpt2InputError } from './model-errors';
import { checkRowIndices } from './model-inputs';

export class KvCache {
  private entries: readonly LayerKeyValue[];
  /** Whether `entries` were made by the cache (and may be disposed by it). */
  private owned: boolean;
  /** Row n of the cache is row order[n] of `entries`; null: the rows as held. */
  private order: readonly number[] | null = null;

  /** A cache starting from `past` (e.g. a prefix [1, NH, P, HS] per layer), not owned. */
  constructor(past: readonly LayerKeyValue[]) {
    this.entries = past;
    this.owned = false;
  }

  /** Per-layer keys and values, each [N, NH, S, HS] (a pending reorder is gathered first). */
  get layers(): readonly LayerKeyValue[] {
    this.gatherPending();
    return this.entries;
  }

  /**
   * What Gpt2Model.forward takes to continue from the cache: the held keys and values, and the
   * pending row order (undefined when none), applied by the forward's own copy of the past.
   */
  forwardPast(): { past: readonly LayerKeyValue[]; pastRowOrder: readonly number[] | undefined } {
    return { past: this.entries, pastRowOrder: this.order ?? undefined };
  }

  /** S: the number of positions held (0 for an empty cache). */
  get length(): number {
    return this.entries[0]?.key.shape[2] ?? 0;
  }

  /** N: the rows (1 for a shared prefix), after a pending reorder. */
  get rows(): number {
    return this.order?.length ?? this.entries[0]?.key.shape[0] ?? 0;
  }

  /** Replaces the contents with forward's `cache` (which already includes the old positions). */
  update(present: readonly LayerKeyValue[]): void {
    this.release();
    this.entries = present;
    this.owned = true;
    this.order = null;
  }

  /**
   * Row n of the new cache = row `indices[n]` of the old one (beam reordering; repeating a row
   * K times copies a prefix or a prompt to K beams). Recorded, and composed with a reorder still
   * pending; the next forward (or `layers`) applies it.
   */
  reorder(indices: readonly number[]): void {
    checkRowIndices('indices', indices, this.rows, 'the cache');
    if (this.entries.length === 0) return;
    const order = this.order;
    this.order = order ? indices.map((index) => order[index]!) : [...indices];
  }

  /** Gathers a pending reorder into tensors of their own (owned by the cache). */
  private gatherPending(): void {
    const indices = this.order;
    if (!indices || this.entries.length === 0) return;
    const rows = this.entries[0]!.key.shape[0]!;
    const backend = this.entries[0]!.key.backend;
    const picked = noGrad(() => {
      const ids = tensor(Int32Array.from(indices), [indices.length], { backend, dtype: 'i32' });
      const gather = (t: Tensor) => {
        const [, NH, S, HS] = t.shape as [number, number, number, number];
        const table = reshape(t, [rows, NH * S * HS]); // (N, NH*S*HS)
        const rowsOut = embedding(ids, table); // (M, NH*S*HS)
        const out = reshape(rowsOut, [indices.length, NH, S, HS]); // (M, NH, S, HS)
        table.dispose();
        rowsOut.dispose();
        return out;
      };
      const result = this.entries.map((layer) => ({
        key: gather(layer.key),
        value: gather(layer.value),
      }));
      ids.dispose();
      return result;
    });
    this.update(picked);
  }

  /**
   * Appends `layers` ([1 or N, NH, S', HS] per layer) after the positions held, in every row
   * (an infix joins the cache after the source this way). The result is owned by the cache.
   */
  append(layers: readonly LayerKeyValue[]): void {
    this.gatherPending();
    if (layers.length !== this.entries.length) {
      throw new Gpt2InputError(
        'layers',
        `keys/values for each of the ${this.entries.length} cached layers`,
        String(layers.length),
      );
    }
    const rows = this.rows;
    const joined = noGrad(() =>
      this.entries.map((layer, l) => {
        const join = (held: Tensor, added: Tensor) => {
          const [, NH, S, HS] = added.shape as [number, number, number, number];
          const wide = added.shape[0] === rows ? added : expand(added, [rows, NH, S, HS]);
          const out = concat([held, wide], 2); // (N, NH, S_held + S', HS)
          if (wide !== added) wide.dispose();
          return out;
        };
        return { key: join(layer.key, layers[l]!.key), value: join(layer.value, layers[l]!.value) };
      }),
    );
    this.update(joined);
  }

  /** Hands the held keys/values to the caller (who disposes them); the cache is empty afterwards. */
  take(): readonly LayerKeyValue[] {
    this.gatherPending();
    const layers = this.entries;
    this.entries = [];
    this.owned = false;
    return layers;
  }

  /** Frees the tensors the cache made; the cache is empty afterwards. */
  dispose(): void {
    this.release();
    this.entries = [];
    this.order = null;
  }

  private release(): void {
    if (!this.owned) return;
    for (const layer of this.entries) {
      layer.key.dispose();
      layer.value.dispose();
    }
    this.owned = false;
  }
}

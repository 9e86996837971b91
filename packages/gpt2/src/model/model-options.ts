// The options and output of Gpt2Model (model.ts): what forward() takes and returns, and what a
// model is built with. Shape alphabet as in model.ts.
import type { Backend, Tensor } from '@prefixkit/tensor';
import type { LayerKeyValue } from './attention';
import type { Gpt2Hooks } from './block';
import type { LossReduction } from './loss';
import type { IntMatrix } from './model-inputs';
import type { ModelDType } from './model-parameters';

export interface Gpt2ForwardOptions {
  /** Per-layer keys/values of earlier positions, [B or 1, NH, P, HS]: a prefix and/or a cache. */
  readonly past?: readonly LayerKeyValue[] | undefined;
  /**
   * Row b of the batch continues past row pastRowOrder[b] (a past of any R rows): a beam
   * search's reorder, done while the past is copied into this step's keys and values.
   */
  readonly pastRowOrder?: readonly number[] | undefined;
  /** 0/1 per position, [B, T] or [B, P+T] (host rows or a tensor in the model's dtype). */
  readonly attentionMask?: Tensor | readonly (readonly number[])[] | undefined;
  /** Position of the first new token; default P (continue after the past). Ignored with positionIds. */
  readonly positionOffset?: number | undefined;
  /** Explicit positions [B, T] (left-padded batches); [B, E+T] with a soft prompt of E rows. */
  readonly positionIds?: readonly (readonly number[])[] | undefined;
  /** Unshifted labels [B, T] (-100 = ignored); position t is scored against labels[t+1]. */
  readonly labels?: IntMatrix | undefined;
  /** 'mean' (HF, default) -> scalar; 'sum-per-sequence' (the paper) -> [B]. */
  readonly lossReduction?: LossReduction | undefined;
  /** Adapter hooks after attention's and the MLP's c_proj. */
  readonly hooks?: Gpt2Hooks | undefined;
  /**
   * Soft-prompt rows [E, C] or [B or 1, E, C] placed before the token embeddings (the paper's
   * embedding-only ablation). They take positions like tokens (first, then the tokens), are
   * attended to and cached, but get no logits: logits and labels stay [B, T].
   */
  readonly inputEmbeddingsPrefix?: Tensor | undefined;
  /**
   * 'all' (default) -> logits [B, T, V]; 'last' -> [B, 1, V] of the last position only;
   * 'none' -> no logits (an empty [B, 0, V]): the loss alone, for training. With 'none' the LM
   * head runs only on positions whose shifted label is not -100, in chunks whose [rows, V]
   * logits fit one storage binding (./labelled-rows-loss.ts); labels must be host rows.
   * Values and gradients equal the 'all' path's up to float rounding.
   */
  readonly logitsFor?: 'all' | 'last' | 'none' | undefined;
  /**
   * With logitsFor 'none': at most this many rows per logits chunk (default: as many as one
   * storage binding holds; a smaller value lowers peak buffer size, tests force many chunks).
   */
  readonly logitsChunkRows?: number | undefined;
}

export interface Gpt2Output {
  /** [B, T, V]; [B, 1, V] with logitsFor 'last'; empty [B, 0, V] with logitsFor 'none'. */
  readonly logits: Tensor;
  /** The loss when labels were given: [] for 'mean', [B] for 'sum-per-sequence'. */
  readonly loss: Tensor | null;
  /** Per layer, the keys/values of every position seen: [B, NH, P+E+T, HS] (the new cache). */
  readonly cache: readonly LayerKeyValue[];
}

export interface Gpt2ModelOptions {
  /** Where the weights live and the model computes. */
  readonly backend: Backend;
  /** 'f32' (default); 'f64' on the CPU backend for gradient checks. */
  readonly dtype?: ModelDType;
  /**
   * Also hold wte as binary16 for the LM head when that is exact (a float16 checkpoint, such as
   * the embedded model): inference reads half the bytes for the same logits. Default: on WebGPU.
   */
  readonly halfHead?: boolean;
}

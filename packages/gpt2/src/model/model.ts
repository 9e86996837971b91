// GPT-2 (Hugging Face GPT2LMHeadModel), readable top to bottom like nanoGPT's model.py.
// Exact computation: docs/reference/REFERENCE-SPEC.md "GPT-2 — exact computation"; prefix positions:
// "Prefix-tuning / Position ids". Shape alphabet: B batch, T new tokens, P past length (prefix
// and/or cache), E soft-prompt rows (embedding-only ablation), C channels, NH heads, HS head
// size, V vocabulary, F MLP width.
//
// Quirks of the HF import, named:
// - Conv1D weights are [in, out]; the LM head is wte itself (tied), used transposed.
// - With a past of length P, real tokens take positions P, P+1, ... (the paper's code, HF and
//   PEFT); `positionOffset: 0` starts them at 0 instead, `positionIds` gives them per row
//   (left-padded batches: cumsum(mask) - 1, pads 1, as HF generate).
// - An attention mask of width T is widened with P leading ones (the past is always visible).
// - No dropout anywhere: this model computes in eval semantics (the paper's prefix dropout is 0).
//
// Memory: forward() records the autograd graph when any input or parameter requires a gradient;
// run it (and backward) inside tidy() so intermediates are freed with the step. Training asks
// for logitsFor 'none': the loss alone, the LM head run only on rows with a target
// (./labelled-rows-loss.ts), so no [B, T, V] tensor exists.
import {
  add,
  type Backend,
  concat,
  embedding,
  embeddingSum,
  expand,
  type HalfMatrix,
  layerNorm,
  noGrad,
  slice,
  type Tensor,
  tensor,
  tidy,
  zeros,
} from '@prefixkit/tensor';
import { gpt2ParameterSpecs } from '../checkpoint/gpt2-parameters';
import type { Gpt2Checkpoint, Gpt2CheckpointStream } from '../checkpoint/read-gpt2-checkpoint';
import type { Gpt2Config } from '../config/gpt2-config';
import type { LayerKeyValue } from './attention';
import { block } from './block';
import { chunkRowsFor, labelledRowsLoss } from './labelled-rows-loss';
import { languageModelLoss } from './loss';
import { type Activation, activationFor } from './mlp';
import { Gpt2InputError, Gpt2ModelError } from './model-errors';
import {
  hostLabels,
  type IntMatrix,
  idsTensor,
  labelsTensor,
  maskTensor,
  pastLength,
  positionsTensor,
} from './model-inputs';
import type { Gpt2ForwardOptions, Gpt2ModelOptions, Gpt2Output } from './model-options';
import {
  type Gpt2Weights,
  gpt2Weights,
  type ModelDType,
  uploadGpt2Weights,
} from './model-parameters';
import { TiedEmbedding } from './tied-embedding';

export type { Gpt2ForwardOptions, Gpt2ModelOptions, Gpt2Output } from './model-options';

export class Gpt2Model {
  readonly config: Gpt2Config;
  /** Every parameter under its HF name (`transformer.h.0.attn.c_attn.weight`), frozen by default. */
  readonly parameters: ReadonlyMap<string, Tensor>;
  readonly dtype: ModelDType;
  private readonly weights: Gpt2Weights;
  private readonly activation: Activation;
  /** wte as input table and tied LM head (split into blocks where one binding cannot hold it). */
  private readonly wte: TiedEmbedding;

  /**
   * A model over already-uploaded parameters (see Gpt2Model.fromCheckpoint / loadGpt2).
   * `halfHead`: wte's exact binary16 form for the LM head (uploadGpt2Weights), owned by the model.
   */
  constructor(
    config: Gpt2Config,
    parameters: ReadonlyMap<string, Tensor>,
    derived: { readonly halfHead?: HalfMatrix | null } = {},
  ) {
    this.config = config;
    this.parameters = parameters;
    this.weights = gpt2Weights(config, parameters);
    this.activation = activationFor(config);
    this.wte = new TiedEmbedding(this.weights.wte, derived.halfHead ?? null);
    const dtype = this.weights.wte.dtype;
    if (dtype === 'i32')
      throw new Gpt2ModelError(
        'parameter transformer.wte.weight: expected dtype f32 or f64, got i32',
      );
    this.dtype = dtype;
  }

  /**
   * Uploads a checkpoint (read with readGpt2Checkpoint, or streamed with openGpt2Checkpoint)
   * to `options.backend`.
   * @example
   * const stream = await openGpt2Checkpoint({ config: configText, weights: bufferByteSource(bytes) });
   * const model = await Gpt2Model.fromCheckpoint(stream, { backend: new CpuBackend() });
   */
  static async fromCheckpoint(
    checkpoint: Gpt2Checkpoint | Gpt2CheckpointStream,
    options: Gpt2ModelOptions,
  ): Promise<Gpt2Model> {
    const { parameters, halfHead } = await uploadGpt2Weights(checkpoint, options);
    return new Gpt2Model(checkpoint.config, parameters, { halfHead });
  }

  get backend(): Backend {
    return this.weights.wte.backend;
  }

  /**
   * Whether forward() takes ids as a tensor whose values were never read to the host (a decoding
   * step fed the previous step's device-side argmax); false when wte is split into blocks.
   */
  get takesDeviceIds(): boolean {
    return this.wte.looksUpDeviceIds;
  }

  /** [name, tensor] pairs in canonical order, optionally only those whose name passes `filter`. */
  namedParameters(filter: (name: string) => boolean = () => true): [string, Tensor][] {
    return gpt2ParameterSpecs(this.config)
      .map((spec): [string, Tensor] => [spec.name, this.parameters.get(spec.name)!])
      .filter(([name]) => filter(name));
  }

  /**
   * Runs GPT-2 on ids [B, T] (host rows of token ids, or an i32 tensor).
   * @example
   * const { logits, loss } = tidy(() => model.forward([[464, 3290]], { labels: [[464, 3290]] }));
   */
  forward(ids: IntMatrix, options: Gpt2ForwardOptions = {}): Gpt2Output {
    const { config, weights, backend } = this;
    const { ids: inputIds, host: hostIds } = idsTensor(ids, config, backend); // (B, T)
    const [B, T] = inputIds.shape as [number, number];
    const P = pastLength(options.past, config, B, this.dtype, options.pastRowOrder);
    const pastRowIndex = options.pastRowOrder
      ? tensor(Int32Array.from(options.pastRowOrder), [B], { backend, dtype: 'i32' })
      : undefined;
    const softPrompt = this.softPrompt(options.inputEmbeddingsPrefix, B); // (B, E, C) or null
    const E = softPrompt?.shape[1] ?? 0;
    this.checkLogitsFit(options.logitsFor ?? 'all', B * T);

    // Embeddings: token rows (after the soft prompt, if any) plus learned positions; one
    // kernel for both lookups where the token table is one tensor and no soft prompt comes first.
    const positions = positionsTensor(
      options.positionIds,
      [B, E + T],
      options.positionOffset ?? P,
      config,
      backend,
    ); // (B, E+T) or (E+T)
    let x: Tensor; // (B, E+T, C)
    if (!softPrompt && this.wte.looksUpDeviceIds) {
      x = embeddingSum(inputIds, weights.wte, positions, weights.wpe);
    } else {
      const tokens = this.wte.lookup(inputIds, hostIds); // (B, T, C)
      const inputs = softPrompt ? concat([softPrompt, tokens], 1) : tokens; // (B, E+T, C)
      x = add(inputs, embedding(positions, weights.wpe));
    }

    const mask =
      options.attentionMask === undefined
        ? undefined
        : maskTensor(
            this.widenForSoftPrompt(options.attentionMask, { E, P, T }),
            { batch: B, past: P, tokens: E + T },
            this.dtype,
            backend,
          ); // (B, P+E+T)

    // The transformer blocks; each returns its keys/values [B, NH, P+E+T, HS] for the cache.
    const cache: LayerKeyValue[] = [];
    weights.blocks.forEach((blockWeights, layer) => {
      const out = block(x, blockWeights, {
        layer,
        heads: config.n_head,
        eps: config.layer_norm_epsilon,
        activation: this.activation,
        past: options.past?.[layer],
        pastRowIndex,
        mask,
        hooks: options.hooks,
      });
      x = out.x; // (B, E+T, C)
      cache.push(out.present);
    });

    if (options.logitsFor === 'none') {
      const hidden = E > 0 ? slice(x, 1, E, E + T) : x; // (B, T, C)
      const logits = zeros([B, 0, config.vocab_size], { backend, dtype: this.dtype }); // (B, 0, V)
      const loss = options.labels === undefined ? null : this.lossWithoutLogits(hidden, options);
      return { logits, loss, cache };
    }

    // Final LayerNorm and the tied LM head, on the rows that need logits only (LN is per row).
    const wanted =
      options.logitsFor === 'last'
        ? slice(x, 1, E + T - 1, E + T)
        : E > 0
          ? slice(x, 1, E, E + T)
          : x; // (B, T or 1, C)
    const normed = layerNorm(wanted, weights.lnF.weight, weights.lnF.bias, {
      eps: config.layer_norm_epsilon,
    }); // (B, T or 1, C)
    const logits = this.wte.logits(normed); // (B, T or 1, V)

    let loss: Tensor | null = null;
    if (options.labels !== undefined) {
      if (options.logitsFor === 'last' && T > 1)
        throw new Gpt2InputError(
          'labels',
          "logitsFor 'all' (the loss needs every position)",
          "'last'",
        );
      const labels = labelsTensor(options.labels, [B, T], config, backend); // (B, T)
      loss = languageModelLoss(logits, labels, options.lossReduction ?? 'mean'); // () or (B)
    }
    return { logits, loss, cache };
  }

  /**
   * The logits [B, 1, V] of the last position and the new cache, without recording gradients
   * and with every intermediate freed: one generation step. The caller owns the results.
   */
  forwardLast(
    ids: IntMatrix,
    options: Omit<Gpt2ForwardOptions, 'labels' | 'logitsFor'> = {},
  ): Gpt2Output {
    return noGrad(() => tidy(() => this.forward(ids, { ...options, logitsFor: 'last' })));
  }

  /** Frees every parameter tensor. */
  dispose(): void {
    this.wte.dispose();
    for (const parameter of this.parameters.values()) parameter.dispose();
  }

  /**
   * Frees what this model holds beyond `shared`'s tensors: a model built over another one's
   * weights with some replaced (merged LoRA weights) frees its replacements, never the shared ones.
   */
  disposeBeyond(shared: Gpt2Model): void {
    this.wte.dispose();
    for (const [name, parameter] of this.parameters)
      if (shared.parameters.get(name) !== parameter) parameter.dispose();
  }

  /**
   * Full logits [rows, V] are one tensor, and on a device with a storage-binding limit (lavapipe:
   * 128 MiB) they may not fit: refused before any work, naming the options that need no such
   * tensor.
   */
  private checkLogitsFit(logitsFor: 'all' | 'last' | 'none', rows: number): void {
    if (logitsFor !== 'all') return;
    const limit = this.wte.logitsRowsPerBinding;
    if (rows <= limit) return;
    throw new Gpt2InputError(
      'logitsFor',
      `'last', or 'none' with labels (the loss alone): full logits of ${rows} positions x ${this.config.vocab_size} words exceed one storage binding of this device (maxStorageBufferBindingSize: at most ${limit} positions)`,
      "'all'",
    );
  }

  /** The loss of logitsFor 'none': hidden [B, T, C] -> () or (B), without logits [B, T, V]. */
  private lossWithoutLogits(hidden: Tensor, options: Gpt2ForwardOptions): Tensor {
    const [B, T] = hidden.shape as [number, number];
    const { lnF } = this.weights;
    const chunkRows = chunkRowsFor(options.logitsChunkRows, this.wte.logitsRowsPerBinding);
    return labelledRowsLoss(
      hidden,
      hostLabels(options.labels!, [B, T], this.config, "logitsFor 'none' picks rows by label"),
      {
        reduction: options.lossReduction ?? 'mean',
        chunkRows,
        norm: (h) => layerNorm(h, lnF.weight, lnF.bias, { eps: this.config.layer_norm_epsilon }),
        head: (h) => this.wte.logits(h),
      },
    );
  }

  /** The soft prompt as [B, E, C], or null. */
  private softPrompt(rows: Tensor | undefined, batch: number): Tensor | null {
    if (!rows) return null;
    const C = this.config.n_embd;
    const ok =
      (rows.rank === 2 && rows.shape[1] === C) ||
      (rows.rank === 3 && (rows.shape[0] === 1 || rows.shape[0] === batch) && rows.shape[2] === C);
    if (!ok)
      throw new Gpt2InputError(
        'inputEmbeddingsPrefix',
        `[E, ${C}] or [${batch} or 1, E, ${C}]`,
        `[${rows.shape.join(', ')}]`,
      );
    const E = rows.shape[rows.rank - 2]!;
    return rows.rank === 3 && rows.shape[0] === batch ? rows : expand(rows, [batch, E, C]); // (B, E, C)
  }

  /** The soft prompt is always visible: E ones go in after the past's columns (host masks only). */
  private widenForSoftPrompt(
    mask: Tensor | readonly (readonly number[])[],
    sizes: { E: number; P: number; T: number },
  ): Tensor | readonly (readonly number[])[] {
    const { E, P, T } = sizes;
    if (E === 0) return mask;
    if (!Array.isArray(mask))
      throw new Gpt2InputError(
        'attentionMask',
        'host rows when inputEmbeddingsPrefix is given',
        'a tensor',
      );
    const visible = new Array<number>(E).fill(1);
    // Widths T and P+T lack the soft prompt's columns; P+E+T already has them.
    return (mask as readonly (readonly number[])[]).map((row) =>
      row.length === T
        ? [...visible, ...row]
        : row.length === P + T
          ? [...row.slice(0, P), ...visible, ...row.slice(P)]
          : row,
    );
  }
}

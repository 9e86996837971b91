// Continuous batching: a decoding batch whose rows join and leave between steps. Each row joins
// with its own prompt and its own method inputs (a prefix's keys/values, a soft prompt, an
// infix): its prompt runs alone, after which those inputs live only in its rows of the KV cache,
// so rows of different prefixes (and rows with none) share every later forward pass. Rows share
// the model and its hooks (adapters, merged weights decode in batches of their own).
// Cache rows are aligned on the right: a row shorter than the batch is left-padded with masked
// zeros, exactly as generate() pads prompts, so a row's tokens equal those it gets alone.
import {
  concat,
  embedding,
  noGrad,
  reshape,
  slice,
  type Tensor,
  tensor,
  zeros,
} from '@prefixkit/tensor';
import type { LayerKeyValue } from '../model/attention';
import type { Gpt2Hooks } from '../model/block';
import type { Gpt2Model } from '../model/model';
import { Gpt2InputError } from '../model/model-errors';
import { argmaxOnDevice, DecodeSession, readLogitRows } from './decode-session';
import { checkInfixPrompts, checkPrompts, type MethodDecodingOptions } from './generate-options';

/** A row's method inputs: everything a method hands generate() except the batch's shared hooks. */
export type RowDecodingOptions = Omit<MethodDecodingOptions, 'hooks'>;

export interface DecodeBatchOptions {
  /** Adapter hooks shared by every row (rows of different hooks need batches of their own). */
  readonly hooks?: Gpt2Hooks | undefined;
  /** Token fed to pad positions while a prompt runs. Default: the model's first eos id, else 0. */
  readonly padTokenId?: number;
}

function leftPad(t: Tensor, columns: number): Tensor {
  if (columns === 0) return t;
  const [N, NH, , HS] = t.shape as [number, number, number, number];
  const pad = zeros([N, NH, columns, HS], { backend: t.backend, dtype: t.dtype });
  const out = concat([pad, t], 2); // (N, NH, columns + S, HS)
  pad.dispose();
  return out;
}

export class DecodeBatch {
  private layers: readonly LayerKeyValue[] = [];
  /** Row ids, in cache-row order. */
  private ids: number[] = [];
  private masks: number[][] = [];
  private nextPositions: number[] = [];
  private readonly padTokenId: number;

  constructor(
    private readonly model: Gpt2Model,
    private readonly options: DecodeBatchOptions = {},
  ) {
    this.padTokenId = options.padTokenId ?? model.config.eos_token_id ?? 0;
  }

  /** The ids of the rows in the batch. */
  get rows(): readonly number[] {
    return this.ids;
  }

  /** Cached positions per row (the padded width of the cache). */
  get width(): number {
    return this.layers[0]?.key.shape[2] ?? 0;
  }

  /**
   * Runs `prompt` with the row's method inputs and adds the row to the batch; returns its
   * next-token logits [V]. `id` must not be in the batch already.
   */
  async join(
    id: number,
    prompt: readonly number[],
    method: RowDecodingOptions = {},
  ): Promise<Float32Array> {
    const [logits] = await this.joinAll([{ id, prompt }], method);
    return logits!;
  }

  /**
   * Adds rows that share their method inputs (one adapter), running their prompts together
   * (left-padded, as generate() runs a batch); returns each row's next-token logits [V].
   */
  async joinAll(
    rows: readonly { readonly id: number; readonly prompt: readonly number[] }[],
    method: RowDecodingOptions = {},
  ): Promise<Float32Array[]> {
    const ids = new Set(this.ids);
    for (const { id } of rows) {
      if (ids.has(id)) throw new Gpt2InputError('id', 'a row id not in the batch', String(id));
      ids.add(id);
    }
    const prompts = rows.map((row) => row.prompt);
    checkPrompts(prompts, this.model.config.vocab_size);
    if (method.infix) checkInfixPrompts(prompts, method.infix.separatorTokenId);
    const session = new DecodeSession(this.model, {
      ...method,
      hooks: this.options.hooks,
      padTokenId: this.padTokenId,
    });
    let logits: Float32Array[];
    try {
      logits = await session.start(prompts);
    } catch (error) {
      session.dispose();
      throw error;
    }
    const state = session.release();
    this.merge(state.layers, state.masks);
    for (const row of rows) this.ids.push(row.id);
    for (const position of state.nextPositions) this.nextPositions.push(position);
    return logits.map((row) => Float32Array.from(row));
  }

  /**
   * Adds rows that each carry their own prefix (or none), running all their prompts in one
   * forward pass: each row's prefix keys/values are padded to the longest with masked slots, and
   * its tokens take positions after its own prefix (or from 0), exactly as when it runs alone.
   * Only prefixes: a soft prompt or an infix joins through joinAll.
   */
  async joinPrefixed(
    rows: readonly {
      readonly id: number;
      readonly prompt: readonly number[];
      readonly past?: readonly LayerKeyValue[] | undefined;
      readonly positionsFromZero?: boolean | undefined;
    }[],
  ): Promise<Float32Array[]> {
    const ids = new Set(this.ids);
    for (const { id } of rows) {
      if (ids.has(id)) throw new Gpt2InputError('id', 'a row id not in the batch', String(id));
      ids.add(id);
    }
    checkPrompts(
      rows.map((row) => row.prompt),
      this.model.config.vocab_size,
    );
    const { n_layer: L, n_head: NH, n_embd: C } = this.model.config;
    const HS = C / NH;
    const lengths = rows.map((row) => row.past?.[0]?.key.shape[2] ?? 0);
    const P = lengths.reduce((longest, length) => Math.max(longest, length), 0);
    const T = rows.reduce((longest, row) => Math.max(longest, row.prompt.length), 0);
    const options = { backend: this.model.backend, dtype: this.model.dtype };
    const past: LayerKeyValue[] | undefined =
      P === 0
        ? undefined
        : noGrad(() =>
            Array.from({ length: L }, (_, l) => {
              const side = (pick: 'key' | 'value') => {
                const parts = rows.map((row, r) => {
                  const own = row.past?.[l]?.[pick];
                  const missing = P - lengths[r]!;
                  if (own && missing === 0) return { t: own, made: false };
                  const pad = zeros([1, NH, missing, HS], options);
                  const t = own ? concat([own, pad], 2) : pad; // (1, NH, P, HS)
                  if (own) pad.dispose();
                  return { t, made: true };
                });
                const out = concat(
                  parts.map((part) => part.t),
                  0,
                ); // (N, NH, P, HS)
                for (const part of parts) if (part.made) part.t.dispose();
                return out;
              };
              return { key: side('key'), value: side('value') };
            }),
          );
    const starts = rows.map((row, r) => (row.positionsFromZero ? 0 : lengths[r]!));
    const masks = rows.map((row, r) => [
      ...new Array<number>(lengths[r]!).fill(1),
      ...new Array<number>(P - lengths[r]! + T - row.prompt.length).fill(0),
      ...new Array<number>(row.prompt.length).fill(1),
    ]);
    let out: ReturnType<Gpt2Model['forwardLast']>;
    try {
      out = this.model.forwardLast(
        rows.map((row) => [
          ...new Array<number>(T - row.prompt.length).fill(this.padTokenId),
          ...row.prompt,
        ]),
        {
          past,
          positionIds: rows.map((row, r) => [
            ...new Array<number>(T - row.prompt.length).fill(1),
            ...row.prompt.map((_, t) => starts[r]! + t),
          ]),
          attentionMask: masks,
          hooks: this.options.hooks,
        },
      );
    } finally {
      for (const layer of past ?? []) {
        layer.key.dispose();
        layer.value.dispose();
      }
    }
    const logits = await readLogitRows(out.logits);
    this.merge(out.cache, masks);
    rows.forEach((row, r) => {
      this.ids.push(row.id);
      this.nextPositions.push(starts[r]! + row.prompt.length);
    });
    return logits;
  }

  /** Appends one token to every row (`tokens` maps each row id); returns each row's logits [V]. */
  async step(tokens: ReadonlyMap<number, number>): Promise<Map<number, Float32Array>> {
    if (this.ids.length === 0) return new Map();
    const logits = await readLogitRows(this.forwardStep(tokens)); // N rows of [V]
    return new Map(this.ids.map((id, row) => [id, logits[row]!]));
  }

  /**
   * Appends one token to every row, like step(), and returns each row's argmax over its next
   * logits with `exclude`'s ids of that row skipped (fixedBans), chosen on the device: one
   * integer per row is read back instead of a row of logits.
   */
  async stepArgmax(
    tokens: ReadonlyMap<number, number>,
    exclude: ReadonlyMap<number, readonly number[]>,
  ): Promise<Map<number, number>> {
    if (this.ids.length === 0) return new Map();
    const picked = await argmaxOnDevice(
      this.forwardStep(tokens),
      this.ids.map((id) => exclude.get(id) ?? []),
    );
    return new Map(this.ids.map((id, row) => [id, picked[row]!]));
  }

  /** One forward of every row's next token; the cache and positions move on. */
  private forwardStep(tokens: ReadonlyMap<number, number>): Tensor {
    const ids = this.ids.map((id) => {
      const token = tokens.get(id);
      if (token === undefined)
        throw new Gpt2InputError(`tokens[${id}]`, 'a token for every row in the batch', 'none');
      return [token];
    });
    const positionIds = this.nextPositions.map((position) => [position]);
    for (const mask of this.masks) mask.push(1);
    const out = this.model.forwardLast(ids, {
      past: this.layers,
      positionIds,
      attentionMask: this.masks,
      hooks: this.options.hooks,
    });
    this.release();
    this.layers = out.cache;
    this.nextPositions = this.nextPositions.map((position) => position + 1);
    const logits = reshape(out.logits, [this.ids.length, this.model.config.vocab_size]); // (N, V)
    out.logits.dispose();
    return logits;
  }

  /** Removes rows (finished or cancelled) and the columns no remaining row attends to. */
  leave(ids: readonly number[]): void {
    const gone = new Set(ids);
    const keep = this.ids.flatMap((id, row) => (gone.has(id) ? [] : [row]));
    if (keep.length === this.ids.length) return;
    const masks = keep.map((row) => this.masks[row]!);
    // Leading columns masked in every remaining row are padding only: drop them.
    let first = 0;
    while (masks.length > 0 && first < this.width && masks.every((mask) => mask[first] === 0))
      first++;
    const layers = this.layers;
    this.layers =
      keep.length === 0
        ? []
        : noGrad(() => {
            const rowIds = tensor(Int32Array.from(keep), [keep.length], {
              backend: this.model.backend,
              dtype: 'i32',
            });
            const gather = (t: Tensor) => {
              const [N, NH, S, HS] = t.shape as [number, number, number, number];
              const table = reshape(t, [N, NH * S * HS]);
              const picked = embedding(rowIds, table); // (M, NH*S*HS)
              const rows = reshape(picked, [keep.length, NH, S, HS]);
              const out = first > 0 ? slice(rows, 2, first, S) : rows; // (M, NH, S - first, HS)
              table.dispose();
              picked.dispose();
              if (out !== rows) rows.dispose();
              return out;
            };
            const result = layers.map((layer) => ({
              key: gather(layer.key),
              value: gather(layer.value),
            }));
            rowIds.dispose();
            return result;
          });
    for (const layer of layers) {
      layer.key.dispose();
      layer.value.dispose();
    }
    this.masks = masks.map((mask) => mask.slice(first));
    this.nextPositions = keep.map((row) => this.nextPositions[row]!);
    this.ids = keep.map((row) => this.ids[row]!);
  }

  /** Frees the cache; the batch is empty afterwards. */
  dispose(): void {
    this.release();
    this.layers = [];
    this.ids = [];
    this.masks = [];
    this.nextPositions = [];
  }

  /** Adds rows' caches [N, NH, S', HS] per layer (and their masks) below the batch's rows. */
  private merge(rows: readonly LayerKeyValue[], masks: readonly number[][]): void {
    const added = rows[0]!.key.shape[2]!;
    const width = Math.max(this.width, added);
    const widen = width - this.width;
    const rowPad = width - added;
    if (this.layers.length === 0) {
      this.layers = rows;
    } else {
      const held = this.layers;
      this.layers = noGrad(() =>
        held.map((layer, l) => {
          const join = (batch: Tensor, more: Tensor) => {
            const left = leftPad(batch, widen);
            const right = leftPad(more, rowPad);
            const out = concat([left, right], 0); // (N_held + N, NH, width, HS)
            if (left !== batch) left.dispose();
            if (right !== more) right.dispose();
            return out;
          };
          return { key: join(layer.key, rows[l]!.key), value: join(layer.value, rows[l]!.value) };
        }),
      );
      for (const layer of [...held, ...rows]) {
        layer.key.dispose();
        layer.value.dispose();
      }
    }
    this.masks = this.masks.map((mask) => [...new Array<number>(widen).fill(0), ...mask]);
    for (const mask of masks) this.masks.push([...new Array<number>(rowPad).fill(0), ...mask]);
  }

  private release(): void {
    for (const layer of this.layers) {
      layer.key.dispose();
      layer.value.dispose();
    }
  }
}

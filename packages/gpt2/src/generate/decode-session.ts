// One decoding run's model state: the KV cache (prefix + prompt + generated), the attention mask
// and the next position of every row. Prompts of different lengths are LEFT-padded; as HF
// generate does, each row's positions are cumsum(mask) - 1 (pads get 1), offset by the prefix
// length P unless positions start from 0, and the mask hides the pads from every later token.
// start() and step() return the last position's logits of every row, read back to the host.
import type { Tensor } from '@prefixkit/tensor';
import type { LayerKeyValue } from '../model/attention';
import type { Gpt2Hooks } from '../model/block';
import { KvCache } from '../model/kv-cache';
import type { Gpt2Model } from '../model/model';

export interface DecodeSessionOptions {
  readonly past?: readonly LayerKeyValue[] | undefined;
  readonly positionsFromZero?: boolean | undefined;
  readonly hooks?: Gpt2Hooks | undefined;
  readonly inputEmbeddingsPrefix?: Tensor | undefined;
  readonly padTokenId: number;
}

export class DecodeSession {
  private readonly cache: KvCache;
  /** Per row, 0/1 over every cached position; null while no row has padding. */
  private mask: number[][] | null = null;
  /** Per row, the position the next token takes. */
  private nextPositions: number[] = [];

  constructor(
    private readonly model: Gpt2Model,
    private readonly options: DecodeSessionOptions,
  ) {
    this.cache = new KvCache(options.past ?? []);
  }

  /** Runs the left-padded prompts; returns each row's next-token logits [V]. */
  async start(prompts: readonly (readonly number[])[]): Promise<Float32Array[]> {
    const { options } = this;
    const P = this.cache.length;
    const E = options.inputEmbeddingsPrefix
      ? options.inputEmbeddingsPrefix.shape[options.inputEmbeddingsPrefix.rank - 2]!
      : 0;
    const T = Math.max(...prompts.map((prompt) => prompt.length));
    const base = options.positionsFromZero ? 0 : P;
    const ids = prompts.map((prompt) => [
      ...new Array<number>(T - prompt.length).fill(options.padTokenId),
      ...prompt,
    ]);
    const soft = Array.from({ length: E }, (_, e) => base + e);
    const positionIds = prompts.map((prompt) => {
      const pads = T - prompt.length;
      return [...soft, ...new Array<number>(pads).fill(1), ...prompt.map((_, t) => base + E + t)];
    });
    const padded = prompts.some((prompt) => prompt.length < T);
    if (padded) {
      this.mask = prompts.map((prompt) => [
        ...new Array<number>(P + E).fill(1),
        ...new Array<number>(T - prompt.length).fill(0),
        ...new Array<number>(prompt.length).fill(1),
      ]);
    }
    this.nextPositions = prompts.map((prompt) => base + E + prompt.length);
    return this.run(ids, positionIds, options.inputEmbeddingsPrefix);
  }

  /** Appends one token per row; returns each row's next-token logits [V]. */
  async step(tokens: readonly number[]): Promise<Float32Array[]> {
    const positionIds = this.nextPositions.map((position) => [position]);
    this.nextPositions = this.nextPositions.map((position) => position + 1);
    if (this.mask) for (const row of this.mask) row.push(1);
    return this.run(
      tokens.map((token) => [token]),
      positionIds,
      undefined,
    );
  }

  /** Row n becomes old row indices[n] (beam reordering, or copying a row to K beams). */
  reorder(indices: readonly number[]): void {
    this.cache.reorder(indices);
    if (this.mask) this.mask = indices.map((index) => [...this.mask![index]!]);
    this.nextPositions = indices.map((index) => this.nextPositions[index]!);
  }

  dispose(): void {
    this.cache.dispose();
  }

  private async run(
    ids: number[][],
    positionIds: number[][],
    softPrompt: Tensor | undefined,
  ): Promise<Float32Array[]> {
    const out = this.model.forwardLast(ids, {
      past: this.cache.length > 0 ? this.cache.layers : undefined,
      positionIds,
      attentionMask: this.mask ?? undefined,
      hooks: this.options.hooks,
      inputEmbeddingsPrefix: softPrompt,
    });
    this.cache.update(out.cache);
    const V = this.model.config.vocab_size;
    const raw = await out.logits.data();
    const data = raw instanceof Float32Array ? raw : Float32Array.from(raw);
    out.logits.dispose();
    return ids.map((_, row) => data.subarray(row * V, (row + 1) * V));
  }
}

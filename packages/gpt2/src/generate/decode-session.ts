// One decoding run's model state: the KV cache (prefix + prompt + generated), the attention mask
// and the next position of every row. Prompts of different lengths are LEFT-padded; as HF
// generate does, each row's positions are cumsum(mask) - 1 (pads get 1), offset by the prefix
// length P unless positions start from 0, and the mask hides the pads from every later token.
// start() and step() return the last position's logits of every row, read back to the host.
// With an infix, start() runs each prompt's source (up to its first separator), appends the
// infix to the cache, then runs the rest of the prompt after it (InfixDecoding).
import {
  argmaxRows,
  type BeamCandidatesOptions,
  beamCandidates,
  reshape,
  type Tensor,
} from '@prefixkit/tensor';
import type { LayerKeyValue } from '../model/attention';
import type { Gpt2Hooks } from '../model/block';
import { KvCache } from '../model/kv-cache';
import type { Gpt2Model } from '../model/model';
import type { InfixDecoding } from './generate-options';

export interface DecodeSessionOptions {
  readonly past?: readonly LayerKeyValue[] | undefined;
  readonly positionsFromZero?: boolean | undefined;
  readonly hooks?: Gpt2Hooks | undefined;
  readonly inputEmbeddingsPrefix?: Tensor | undefined;
  readonly infix?: InfixDecoding | undefined;
  readonly padTokenId: number;
}

/** A session's model state after its prompts ran (DecodeSession.release). */
export interface DecodeSessionState {
  /** Per layer, [N, NH, S, HS]: owned by whoever released them. */
  readonly layers: readonly LayerKeyValue[];
  /** Per row, 0/1 over the S cached positions. */
  readonly masks: number[][];
  /** Per row, the position its next token takes. */
  readonly nextPositions: number[];
}

/**
 * Each row's argmax of logits [N, V] (freed here), `exclude[n]` counting as -Infinity, chosen on
 * the device: one integer per row is read back.
 */
export async function argmaxOnDevice(
  logits: Tensor,
  exclude: readonly (readonly number[])[],
): Promise<number[]> {
  const chosen = argmaxRows(logits, { exclude });
  logits.dispose();
  const ids = await chosen.data();
  chosen.dispose();
  return Array.from(ids);
}

/**
 * Reads logits [..., V] back (and frees them): one [V] view per row, all over one array. Callers
 * that change scores copy their row first (nextToken does).
 */
export async function readLogitRows(logits: Tensor): Promise<Float32Array[]> {
  const V = logits.shape[logits.rank - 1]!;
  const raw = await logits.data();
  logits.dispose();
  const data = raw instanceof Float32Array ? raw : Float32Array.from(raw);
  return Array.from({ length: data.length / V }, (_, row) => data.subarray(row * V, (row + 1) * V));
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
    if (this.options.infix) return this.startWithInfix(prompts, this.options.infix);
    const { options } = this;
    const P = this.cache.length;
    const E = options.inputEmbeddingsPrefix
      ? options.inputEmbeddingsPrefix.shape[options.inputEmbeddingsPrefix.rank - 2]!
      : 0;
    const T = prompts.reduce((longest, prompt) => Math.max(longest, prompt.length), 0);
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

  /**
   * Sources x (up to each prompt's first separator) left-padded with positions from 0, then the
   * infix's P slots, then the prompts' remaining tokens y0 (left-padded, pads masked) at
   * positions len(x) + P on. A row without y0 is predicted from its x alone, as in training.
   */
  private async startWithInfix(
    prompts: readonly (readonly number[])[],
    infix: InfixDecoding,
  ): Promise<Float32Array[]> {
    const { padTokenId } = this.options;
    const splits = prompts.map((prompt) => prompt.indexOf(infix.separatorTokenId) + 1);
    const sources = prompts.map((prompt, row) => prompt.slice(0, splits[row]));
    const rests = prompts.map((prompt, row) => prompt.slice(splits[row]));
    const leftPad = (parts: readonly (readonly number[])[]) => {
      const T = parts.reduce((longest, part) => Math.max(longest, part.length), 0);
      return parts.map((part) => ({ pads: T - part.length, part }));
    };
    const x = leftPad(sources);
    this.mask = x.map(({ pads, part }) => [
      ...new Array<number>(pads).fill(0),
      ...new Array<number>(part.length).fill(1),
    ]);
    const fromSources = await this.run(
      x.map(({ pads, part }) => [...new Array<number>(pads).fill(padTokenId), ...part]),
      x.map(({ pads, part }) => [...new Array<number>(pads).fill(1), ...part.map((_, t) => t)]),
      undefined,
    );
    const P = infix.keyValues[0]?.key.shape[2] ?? 0;
    this.cache.append(infix.keyValues);
    for (const row of this.mask) for (let slot = 0; slot < P; slot++) row.push(1);
    const starts = splits.map((split) => split + P);
    this.nextPositions = starts.map((start, row) => start + rests[row]!.length);
    if (rests.every((rest) => rest.length === 0)) return fromSources;
    const y = leftPad(rests);
    y.forEach(({ pads, part }, row) => {
      const mask = this.mask![row]!;
      for (let slot = 0; slot < pads; slot++) mask.push(0);
      for (let slot = 0; slot < part.length; slot++) mask.push(1);
    });
    const fromRests = await this.run(
      y.map(({ pads, part }) => [...new Array<number>(pads).fill(padTokenId), ...part]),
      y.map(({ pads, part }, row) => [
        ...new Array<number>(pads).fill(1),
        ...part.map((_, t) => starts[row]! + t),
      ]),
      undefined,
    );
    return rests.map((rest, row) => (rest.length > 0 ? fromRests[row]! : fromSources[row]!));
  }

  /** Appends one token per row; returns each row's next-token logits [V]. */
  async step(tokens: readonly number[]): Promise<Float32Array[]> {
    return readLogitRows(this.forwardStep(tokens));
  }

  /**
   * Appends one token per row; returns each row's argmax, `exclude[n]` counting as -Infinity,
   * chosen on the device (one integer per row is read back, not a row of logits).
   */
  async stepArgmax(
    tokens: readonly number[],
    exclude: readonly (readonly number[])[],
  ): Promise<number[]> {
    return argmaxOnDevice(this.forwardStep(tokens), exclude);
  }

  /**
   * stepArgmax without the read-back: enqueues the step and returns each row's argmax as an i32
   * tensor [N] on the device, which may feed the next step as `tokens` before anyone reads it
   * (the model must take device ids: Gpt2Model.takesDeviceIds). The caller owns the tensor.
   */
  stepArgmaxOnDevice(
    tokens: readonly number[] | Tensor,
    exclude: readonly (readonly number[])[],
  ): Tensor {
    const logits = this.forwardStep(tokens);
    const chosen = argmaxRows(logits, { exclude });
    logits.dispose();
    return chosen;
  }

  /**
   * Appends one token per beam row (rows r * K .. r * K + K - 1 are prompt row r's beams);
   * returns each prompt row's best `options.count` continuations, best first, selected on the
   * device (beamCandidates): score and flat index beam * V + token.
   */
  async stepBeamCandidates(
    tokens: readonly number[],
    options: BeamCandidatesOptions,
  ): Promise<{ score: number; flat: number }[][]> {
    const logits = this.forwardStep(tokens); // (N, V)
    const picked = beamCandidates(logits, options);
    logits.dispose();
    const [scores, flat] = await Promise.all([picked.scores.data(), picked.flat.data()]);
    picked.scores.dispose();
    picked.flat.dispose();
    const rows = tokens.length / options.beams;
    return Array.from({ length: rows }, (_, row) => {
      const list: { score: number; flat: number }[] = [];
      for (let k = 0; k < options.count; k++) {
        const index = row * options.count + k;
        if (flat[index]! >= 0) list.push({ score: scores[index]!, flat: flat[index]! });
      }
      return list;
    });
  }

  /** One token per row, from the host or as an i32 tensor [N] left on the device. */
  private forwardStep(tokens: readonly number[] | Tensor): Tensor {
    const positionIds = this.nextPositions.map((position) => [position]);
    this.nextPositions = this.nextPositions.map((position) => position + 1);
    if (this.mask) for (const row of this.mask) row.push(1);
    if (!Array.isArray(tokens)) {
      const ids = reshape(tokens as Tensor, [positionIds.length, 1]); // (N, 1)
      const logits = this.forwardRows(ids, positionIds, undefined);
      ids.dispose();
      return logits;
    }
    return this.forwardRows(
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

  /**
   * Hands over what start()/step() built: the cache (the caller disposes it), each row's 0/1 mask
   * over it and next position. The session is empty afterwards.
   */
  release(): DecodeSessionState {
    const T = this.cache.length;
    const state = {
      layers: this.cache.take(),
      masks: this.mask ?? this.nextPositions.map(() => new Array<number>(T).fill(1)),
      nextPositions: this.nextPositions,
    };
    this.mask = null;
    this.nextPositions = [];
    return state;
  }

  dispose(): void {
    this.cache.dispose();
  }

  private async run(
    ids: number[][],
    positionIds: number[][],
    softPrompt: Tensor | undefined,
  ): Promise<Float32Array[]> {
    return readLogitRows(this.forwardRows(ids, positionIds, softPrompt));
  }

  /** The last position's logits [N, V] of every row, left on the device; the cache is updated. */
  private forwardRows(
    ids: number[][] | Tensor,
    positionIds: number[][],
    softPrompt: Tensor | undefined,
  ): Tensor {
    const { past, pastRowOrder } = this.cache.forwardPast();
    const out = this.model.forwardLast(ids, {
      ...(this.cache.length > 0 ? { past, pastRowOrder } : {}),
      positionIds,
      attentionMask: this.mask ?? undefined,
      hooks: this.options.hooks,
      inputEmbeddingsPrefix: softPrompt,
    });
    this.cache.update(out.cache);
    const rows = positionIds.length;
    const logits = reshape(out.logits, [rows, this.model.config.vocab_size]); // (N, V)
    out.logits.dispose();
    return logits;
  }
}

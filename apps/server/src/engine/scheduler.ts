// Token-level continuous batching over one frozen GPT-2. Requests join the running batch between
// decoding steps and leave when done: rows of every prefix-like method and of the base model
// share one DecodeBatch (each carries its own prefix keys/values in its cache rows); adapters
// that change the model's layers or weights get a batch of their own per adapter. Admission is
// first come, first served over all adapters and every group steps once per round, so no adapter
// can starve another. Beam-search requests run as their own decoding (generate()) beside it.
import {
  DecodeBatch,
  fixedBans,
  generate,
  logSoftmax,
  needsHostLogits,
  nextToken,
  positionRoom,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
  seededRandom,
} from '@prefixkit/gpt2';
import type { AdapterLease, AdapterRegistry } from '../adapters/adapter-registry';
import { ServerRequestError } from '../errors';
import type { CompletionRow, RowResult, SchedulerEvents, TokenEvent } from './completion-row';

/** What the logits processors see of a running row. */
function contextOf(row: Running): { tokens: number[]; generated: number } {
  return { tokens: row.tokens, generated: row.generated };
}

export interface SchedulerOptions {
  /** Rows decoding at once, over every group (beam requests count one each). */
  readonly maxRows: number;
  /** Requests waiting beyond the running rows; one more is refused (429). */
  readonly maxQueue: number;
  /** Prompts run (prefill) per round, so joining rows never stall the running ones for long. Default 16. */
  readonly joinsPerRound?: number;
}

interface Waiting {
  readonly id: number;
  readonly row: CompletionRow;
  readonly lease: AdapterLease;
  readonly resolved: ResolvedGenerateOptions;
  readonly enqueuedAt: number;
  readonly resolve: (result: RowResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Running extends Waiting {
  readonly group: Group;
  readonly random: () => number;
  readonly tokens: number[];
  readonly events: TokenEvent[];
  generated: number;
  next: number;
  lastTokenAt: number;
}

interface Group {
  readonly key: object;
  readonly batch: DecodeBatch;
  readonly rows: Map<number, Running>;
}

export class Scheduler {
  private readonly queue: Waiting[] = [];
  private readonly groups = new Map<object, Group>();
  private beams = 0;
  private nextId = 1;
  private wake: (() => void) | null = null;
  private closed = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly registry: AdapterRegistry,
    private readonly options: SchedulerOptions,
    private readonly events: SchedulerEvents = {},
  ) {
    this.loop = this.run();
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /** Rows decoding now (beam requests count one each). */
  get running(): number {
    let rows = this.beams;
    for (const group of this.groups.values()) rows += group.rows.size;
    return rows;
  }

  /**
   * Decodes one prompt with `model` (the base id or an adapter id). Validates the options and the
   * length against the model's positions before queueing; 429 when the queue is full.
   */
  async submit(model: string, row: CompletionRow): Promise<RowResult> {
    if (this.closed)
      throw new ServerRequestError('SERVER_DRAINING', 'the server is shutting down', 503);
    this.checkQueue();
    const lease = await this.registry.acquire(model);
    try {
      const base = lease.decoding.model.config;
      const resolved = resolveGenerateOptions({ ...row.options, ...lease.decoding.options }, base);
      // The same budget generate() checks (the last token is never fed back).
      const { room, before } = positionRoom([row.prompt], lease.decoding.options, base);
      if (resolved.maxNewTokens > room)
        throw new ServerRequestError(
          'SERVER_CONTEXT_LENGTH',
          `max_tokens ${resolved.maxNewTokens}: ${room >= 1 ? `at most ${room}` : 'no room'} for a prompt of ${row.prompt.length} tokens${before ? ` after ${before} positions` : ''}; the model has ${base.n_positions} positions`,
          400,
          'max_tokens',
        );
      this.checkQueue();
      return await new Promise<RowResult>((resolve, reject) => {
        this.queue.push({
          id: this.nextId++,
          row,
          lease,
          resolved,
          enqueuedAt: performance.now(),
          resolve: (result) => {
            lease.release();
            resolve(result);
          },
          reject: (error) => {
            lease.release();
            reject(error);
          },
        });
        this.wake?.();
      });
    } catch (error) {
      lease.release();
      throw error;
    }
  }

  /** Waits for every queued and running row, up to `timeoutMs`; then aborts the rest. */
  async drain(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((this.queue.length > 0 || this.running > 0) && Date.now() < until)
      await new Promise((done) => setTimeout(done, 20));
    await this.close();
  }

  /** Fails whatever is left, stops the loop and frees the batches. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new ServerRequestError('SERVER_DRAINING', 'the server is shutting down', 503);
    for (const waiting of this.queue.splice(0)) waiting.reject(error);
    this.wake?.();
    await this.loop;
    for (const group of this.groups.values()) {
      for (const row of group.rows.values()) row.reject(error);
      group.batch.dispose();
    }
    this.groups.clear();
  }

  private checkQueue(): void {
    if (this.queue.length >= this.options.maxQueue)
      throw new ServerRequestError(
        'SERVER_QUEUE_FULL',
        `the queue is full (${this.options.maxQueue} requests waiting); retry later`,
        429,
        null,
        { retryAfterSeconds: 1 },
      );
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      await this.admit();
      const groups = [...this.groups.values()];
      for (const group of groups) await this.step(group);
      const idle = groups.every((group) => group.rows.size === 0);
      const blocked = this.queue.length === 0 || this.running >= this.options.maxRows;
      if (idle && blocked && !this.closed) await this.sleep();
      // A round of steps can complete without ever leaving the microtask queue (the CPU backend
      // computes synchronously): yield to the event loop so new requests and disconnects get in.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Waits for a submit, a finished beam request or close(). */
  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  /**
   * Starts queued requests, first come first served, while there is room: at most joinsPerRound
   * prompts per round, run together where their methods allow.
   */
  private async admit(): Promise<void> {
    const taken: Waiting[] = [];
    while (
      this.queue.length > 0 &&
      this.running + taken.length < this.options.maxRows &&
      taken.length < (this.options.joinsPerRound ?? 16)
    ) {
      const waiting = this.queue.shift()!;
      if (this.failIfDone(waiting)) continue;
      this.events.onQueueTime?.((performance.now() - waiting.enqueuedAt) / 1000);
      if (waiting.resolved.numBeams > 1) this.startBeams(waiting);
      else taken.push(waiting);
    }
    // One prefill per batch group for rows whose method is a prefix (or none); rows with a soft
    // prompt or an infix run their prompts per adapter.
    const batches = new Map<object, Waiting[]>();
    for (const waiting of taken) {
      const { inputEmbeddingsPrefix, infix } = waiting.lease.decoding.options;
      const key =
        inputEmbeddingsPrefix || infix ? waiting.lease.decoding : this.groupFor(waiting.lease);
      const rows = batches.get(key) ?? [];
      rows.push(waiting);
      batches.set(key, rows);
    }
    for (const rows of batches.values()) await this.join(rows);
  }

  /** Runs the prompts of rows that share a batch group in one pass and adds them to it. */
  private async join(rows: readonly Waiting[]): Promise<void> {
    const group = this.groupFor(rows[0]!.lease);
    const { hooks: _hooks, ...method } = rows[0]!.lease.decoding.options;
    let logits: Float32Array[];
    try {
      logits =
        method.inputEmbeddingsPrefix || method.infix
          ? await group.batch.joinAll(
              rows.map((row) => ({ id: row.id, prompt: row.row.prompt })),
              method,
            )
          : await group.batch.joinPrefixed(
              rows.map((row) => ({
                id: row.id,
                prompt: row.row.prompt,
                past: row.lease.decoding.options.past,
                positionsFromZero: row.lease.decoding.options.positionsFromZero,
              })),
            );
    } catch (error) {
      for (const row of rows) row.reject(error);
      return;
    }
    const now = performance.now();
    rows.forEach((waiting, index) => {
      const running: Running = {
        ...waiting,
        group,
        random: seededRandom(waiting.resolved.seed),
        tokens: [...waiting.row.prompt],
        events: [],
        generated: 0,
        next: 0,
        lastTokenAt: now,
      };
      group.rows.set(waiting.id, running);
      this.events.onFirstToken?.((now - waiting.enqueuedAt) / 1000);
      this.pick(running, logits[index]!);
    });
  }

  private groupFor(lease: AdapterLease): Group {
    const key = lease.decoding.options.hooks ?? lease.decoding.model;
    let group = this.groups.get(key);
    if (!group) {
      const { hooks } = lease.decoding.options;
      group = {
        key,
        batch: new DecodeBatch(lease.decoding.model, hooks ? { hooks } : {}),
        rows: new Map(),
      };
      this.groups.set(key, group);
    }
    return group;
  }

  /** One decoding step of a group's rows; cancelled and timed-out rows leave first. */
  private async step(group: Group): Promise<void> {
    for (const row of group.rows.values()) this.failIfDone(row);
    if (group.rows.size === 0) {
      group.batch.dispose();
      this.groups.delete(group.key);
      return;
    }
    this.events.onBatch?.(group.rows.size);
    const rows = [...group.rows.values()];
    const tokens = new Map(rows.map((row) => [row.id, row.next]));
    // Greedy rows without log-probabilities take their argmax on the device (one id read back
    // per row); a group with any other row reads every row's logits.
    const onDevice = rows.every((row) => row.row.logprobs === 0 && !needsHostLogits(row.resolved));
    let chosen: Map<number, number> | null = null;
    let logits: Map<number, Float32Array> | null = null;
    try {
      if (onDevice) {
        const bans = new Map(rows.map((row) => [row.id, fixedBans(contextOf(row), row.resolved)]));
        chosen = await group.batch.stepArgmax(tokens, bans);
      } else {
        logits = await group.batch.step(tokens);
      }
    } catch (error) {
      for (const row of group.rows.values()) row.reject(error);
      group.rows.clear();
      group.batch.dispose();
      this.groups.delete(group.key);
      return;
    }
    for (const row of rows) {
      if (chosen) this.advance(row, chosen.get(row.id)!, null);
      else this.pick(row, logits!.get(row.id)!);
    }
  }

  /** Chooses the row's next token from its logits on the host (sampling, n-gram bans). */
  private pick(row: Running, logits: Float32Array): void {
    this.advance(row, nextToken(logits, contextOf(row), row.resolved, row.random), logits);
  }

  /**
   * Reports the row's next token (with its log-probabilities when asked for: `logits` is then
   * the row's), and ends the row when it is done.
   */
  private advance(row: Running, token: number, logits: Float32Array | null): void {
    const { resolved } = row;
    let event: TokenEvent = { token };
    if (row.row.logprobs > 0 && logits)
      event = { token, ...topLogprobs(logits, token, row.row.logprobs) };
    row.tokens.push(token);
    row.generated++;
    row.events.push(event);
    const now = performance.now();
    if (row.generated > 1) this.events.onInterToken?.((now - row.lastTokenAt) / 1000);
    row.lastTokenAt = now;
    row.row.onToken?.(event);
    const generated = row.tokens.slice(row.row.prompt.length);
    const finish: RowResult['finishReason'] | null = resolved.eosTokenIds.includes(token)
      ? 'eos'
      : stopHit(generated, resolved)
        ? 'stop-string'
        : row.generated >= resolved.maxNewTokens
          ? 'length'
          : null;
    if (!finish) {
      row.next = token;
      return;
    }
    this.leave(row);
    this.events.onTokens?.(row.lease.id, row.generated);
    row.resolve({ tokens: generated, finishReason: finish, events: row.events });
  }

  private leave(row: Running): void {
    row.group.rows.delete(row.id);
    row.group.batch.leave([row.id]);
  }

  /** Rejects a row whose client left or whose time ran out; true when it did. */
  private failIfDone(row: Waiting | Running): boolean {
    const error = row.row.signal.aborted
      ? new ServerRequestError('SERVER_CANCELLED', 'the client closed the request', 499)
      : Date.now() > row.row.deadline
        ? new ServerRequestError('SERVER_TIMEOUT', 'the request ran past its time limit', 408)
        : null;
    if (!error) return false;
    if ('group' in row) this.leave(row);
    row.reject(error);
    return true;
  }

  /**
   * A beam-search request: its own decoding (generate()), stopped between steps when the client
   * leaves or its time runs out.
   */
  private startBeams(waiting: Waiting): void {
    this.beams++;
    const { decoding } = waiting.lease;
    const started = performance.now();
    // Its own timer, not AbortSignal.any([signal, AbortSignal.timeout(ms)]): in Node 20 the
    // timeout signal inside the composite may be garbage-collected before it fires, and the
    // request then runs to the end.
    const stop = new AbortController();
    const abort = () => stop.abort();
    const timer = setTimeout(abort, Math.max(0, waiting.row.deadline - Date.now()));
    waiting.row.signal.addEventListener('abort', abort, { once: true });
    if (waiting.row.signal.aborted) abort();
    const signal = stop.signal;
    generate(decoding.model, [waiting.row.prompt], {
      ...waiting.row.options,
      ...decoding.options,
      signal,
    })
      .then(([out]) => {
        this.events.onFirstToken?.((performance.now() - started) / 1000);
        const events = out!.tokens.map((token) => ({ token }));
        for (const event of events) waiting.row.onToken?.(event);
        this.events.onTokens?.(waiting.lease.id, out!.tokens.length);
        waiting.resolve({ tokens: out!.tokens, finishReason: out!.finishReason, events });
      })
      .catch((error: unknown) => {
        if (!signal.aborted) waiting.reject(error);
        else if (!this.failIfDone(waiting))
          waiting.reject(
            new ServerRequestError('SERVER_TIMEOUT', 'the request ran past its time limit', 408),
          );
      })
      .finally(() => {
        clearTimeout(timer);
        waiting.row.signal.removeEventListener('abort', abort);
        this.beams--;
        this.wake?.();
      });
  }
}

/** Whether the decoded output contains one of the stop strings. */
function stopHit(generated: readonly number[], options: ResolvedGenerateOptions): boolean {
  if (options.stopStrings.length === 0 || !options.decode) return false;
  const text = options.decode(generated);
  return options.stopStrings.some((stop) => text.includes(stop));
}

/** The chosen token's log-probability and the `k` most likely tokens. */
function topLogprobs(logits: Float32Array, token: number, k: number): Omit<TokenEvent, 'token'> {
  const logprobs = logSoftmax(logits);
  const top: [number, number][] = [];
  for (let id = 0; id < logprobs.length; id++) {
    const value = logprobs[id]!;
    if (top.length === k && value <= top[k - 1]![1]) continue;
    top.push([id, value]);
    top.sort((a, b) => b[1] - a[1]);
    if (top.length > k) top.pop();
  }
  return { logprob: logprobs[token]!, top };
}

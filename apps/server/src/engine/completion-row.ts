// One prompt's decoding as the scheduler sees it: what was asked, and what streams back.
import type { GenerateOptions } from '@prefixkit/gpt2';

/** One generated token, with its log-probability and the top alternatives when asked for. */
export interface TokenEvent {
  readonly token: number;
  /** log_softmax of the raw logits at this step (before banned tokens and length rules). */
  readonly logprob?: number;
  /** The `logprobs` most likely tokens at this step, [token, logprob], most likely first. */
  readonly top?: readonly (readonly [number, number])[];
}

export interface CompletionRow {
  /** Prompt token ids (the template already applied). */
  readonly prompt: readonly number[];
  /** generate()'s plain-data options (validated again by the scheduler). */
  readonly options: GenerateOptions;
  /** Top log-probabilities to report per token: 0 (none) to 5. */
  readonly logprobs: number;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds after which the row fails with a timeout. */
  readonly deadline: number;
  /** Called for every generated token, in order (streaming). */
  readonly onToken?: (event: TokenEvent) => void;
}

export interface RowResult {
  /** Generated tokens (an ending eos included). */
  readonly tokens: number[];
  readonly finishReason: 'eos' | 'stop-string' | 'length';
  /** Per generated token, when logprobs were asked for. */
  readonly events: TokenEvent[];
}

/** What the scheduler reports for metrics. */
export interface SchedulerEvents {
  onQueueTime?(seconds: number): void;
  onFirstToken?(seconds: number): void;
  onInterToken?(seconds: number): void;
  onBatch?(rows: number): void;
  onTokens?(model: string, count: number): void;
}

// Greedy decoding and sampling over a batch of prompts (docs/reference/REFERENCE-SPEC.md "Greedy
// decoding"): the prompts run once (left-padded), then one token per row and step through the
// KV cache. A row that emitted eos (or hit a stop string) is finished and fed the pad token
// until every row is finished or maxNewTokens were generated.
//
// When the argmax is taken on the device, the steps are pipelined: each step's chosen ids feed
// the next step on the device, which is enqueued before the ids are read back, so the host
// prepares step s + 1 while the device computes step s. A finished row is then fed its own
// argmax rather than the pad token; rows never attend to each other, so no row's output changes
// (the finished row's later tokens are dropped either way).
import type { Tensor } from '@prefixkit/tensor';
import type { Gpt2Model } from '../model/model';
import { DecodeSession, type DecodeSessionOptions } from './decode-session';
import type { GeneratedRow } from './generate';
import type { ResolvedGenerateOptions } from './generate-options';
import { fixedBans, fixedBansAt } from './logits-processors';
import { needsHostLogits, nextToken } from './next-token';
import { seededRandom } from './sampling';

interface RowState {
  readonly tokens: number[];
  readonly promptLength: number;
  finishReason: GeneratedRow['finishReason'] | null;
}

/** Greedy (argmax) or, with options.doSample, sampled continuations of every prompt. */
export async function greedySearch(
  model: Gpt2Model,
  prompts: readonly (readonly number[])[],
  options: ResolvedGenerateOptions,
  session: Omit<DecodeSessionOptions, 'padTokenId'>,
): Promise<GeneratedRow[]> {
  const decoder = new DecodeSession(model, { ...session, padTokenId: options.padTokenId });
  const random = seededRandom(options.seed);
  const rows: RowState[] = prompts.map((prompt) => ({
    tokens: [...prompt],
    promptLength: prompt.length,
    finishReason: null,
  }));
  try {
    options.signal?.throwIfAborted();
    const logits = await decoder.start(prompts);
    const first = rows.map((row, index) =>
      nextToken(logits[index]!, { tokens: row.tokens, generated: 0 }, options, random),
    );
    // Argmax with only fixed bans and min-length bans runs on the device; sampling and
    // no-repeat n-grams need each row's logits on the host.
    if (needsHostLogits(options)) await hostLoop(decoder, rows, first, options, random);
    else if (model.takesDeviceIds) await pipelinedArgmaxLoop(decoder, model, rows, first, options);
    else await argmaxLoop(decoder, rows, first, options);
  } finally {
    decoder.dispose();
  }
  return rows.map((row) => ({
    tokens: row.tokens.slice(row.promptLength),
    finishReason: row.finishReason ?? 'length',
  }));
}

/** Every row's logits read back; tokens chosen on the host. */
async function hostLoop(
  decoder: DecodeSession,
  rows: RowState[],
  first: readonly number[],
  options: ResolvedGenerateOptions,
  random: () => number,
): Promise<void> {
  let next = first;
  for (let step = 0; ; step++) {
    const fed = fedTokens(rows, next, options);
    if (recordStep(rows, next, step, options)) return;
    const logits = await decoder.step(fed);
    next = rows.map((row, index) => {
      if (row.finishReason) return options.padTokenId;
      const context = { tokens: row.tokens, generated: row.tokens.length - row.promptLength };
      return nextToken(logits[index]!, context, options, random);
    });
  }
}

/** The argmax taken on the device, one step at a time (for a model that needs host ids). */
async function argmaxLoop(
  decoder: DecodeSession,
  rows: RowState[],
  first: readonly number[],
  options: ResolvedGenerateOptions,
): Promise<void> {
  let next = first;
  for (let step = 0; ; step++) {
    const fed = fedTokens(rows, next, options);
    if (recordStep(rows, next, step, options)) return;
    const bans = rows.map((row) =>
      fixedBans({ tokens: row.tokens, generated: row.tokens.length - row.promptLength }, options),
    );
    next = await decoder.stepArgmax(fed, bans);
  }
}

/** The argmax taken on the device, step s + 1 enqueued before step s's ids are read back. */
async function pipelinedArgmaxLoop(
  decoder: DecodeSession,
  model: Gpt2Model,
  rows: RowState[],
  first: readonly number[],
  options: ResolvedGenerateOptions,
): Promise<void> {
  const fed = fedTokens(rows, first, options);
  if (recordStep(rows, first, 0, options)) return;
  // The bans of generated token number `generated` (1-based) depend on counts only.
  const bansFor = (generated: number) =>
    rows.map((row) => fixedBansAt(row.promptLength + generated, generated, options));
  // The ids of the step being read and of the step after it: both freed if anything throws.
  let ids: Tensor | null = decoder.stepArgmaxOnDevice(fed, bansFor(1));
  let following: Tensor | null = null;
  try {
    for (let step = 1; ; step++) {
      const read = ids!.data(); // submits the work up to this step's argmax
      // Awaited below; should the next step throw first, that error is the one reported and this
      // read's failure must not surface as an unhandled rejection.
      read.catch(() => {});
      if (step < options.maxNewTokens - 1)
        following = decoder.stepArgmaxOnDevice(ids!, bansFor(step + 1));
      model.backend.flush();
      const next = Array.from(await read);
      ids!.dispose();
      [ids, following] = [following, null];
      if (recordStep(rows, next, step, options)) return;
    }
  } finally {
    ids?.dispose();
    following?.dispose();
  }
}

/** What each row is fed after `next` (call before recording it): its token, or the pad token if it finished earlier. */
function fedTokens(
  rows: readonly RowState[],
  next: readonly number[],
  options: ResolvedGenerateOptions,
): number[] {
  return rows.map((row, index) => (row.finishReason ? options.padTokenId : next[index]!));
}

/**
 * Appends step `step`'s tokens to the unfinished rows and reports them (onStep); true when
 * decoding is over (every row finished, or maxNewTokens reached). Throws if aborted.
 */
function recordStep(
  rows: RowState[],
  next: readonly number[],
  step: number,
  options: ResolvedGenerateOptions,
): boolean {
  rows.forEach((row, index) => {
    if (row.finishReason) return;
    const token = next[index]!;
    row.tokens.push(token);
    if (options.eosTokenIds.includes(token)) row.finishReason = 'eos';
    else if (stopStringHit(row, options)) row.finishReason = 'stop-string';
  });
  options.onStep?.(rows.map((row) => row.tokens.slice(row.promptLength)));
  if (rows.every((row) => row.finishReason) || step === options.maxNewTokens - 1) return true;
  options.signal?.throwIfAborted();
  return false;
}

function stopStringHit(row: RowState, options: ResolvedGenerateOptions): boolean {
  if (options.stopStrings.length === 0 || !options.decode) return false;
  const text = options.decode(row.tokens.slice(row.promptLength));
  return options.stopStrings.some((stop) => text.includes(stop));
}

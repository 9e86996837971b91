// Greedy decoding and sampling over a batch of prompts (docs/reference/REFERENCE-SPEC.md "Greedy
// decoding"): the prompts run once (left-padded), then one token per row and step through the
// KV cache. A row that emitted eos (or hit a stop string) is finished and fed the pad token
// until every row is finished or maxNewTokens were generated.
import type { Gpt2Model } from '../model/model';
import { DecodeSession, type DecodeSessionOptions } from './decode-session';
import type { GeneratedRow } from './generate';
import type { ResolvedGenerateOptions } from './generate-options';
import { fixedBans } from './logits-processors';
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
    // Argmax with only fixed bans and min-length bans runs on the device; sampling and
    // no-repeat n-grams need each row's logits on the host.
    const onDevice = !needsHostLogits(options);
    let logits = await decoder.start(prompts);
    let chosen: number[] | null = null;
    for (let step = 0; step < options.maxNewTokens; step++) {
      const next = rows.map((row, index) => {
        if (row.finishReason) return options.padTokenId;
        if (chosen) return chosen[index]!;
        const context = { tokens: row.tokens, generated: row.tokens.length - row.promptLength };
        return nextToken(logits[index]!, context, options, random);
      });
      rows.forEach((row, index) => {
        if (row.finishReason) return;
        const token = next[index]!;
        row.tokens.push(token);
        if (options.eosTokenIds.includes(token)) row.finishReason = 'eos';
        else if (stopStringHit(row, options)) row.finishReason = 'stop-string';
      });
      options.onStep?.(rows.map((row) => row.tokens.slice(row.promptLength)));
      if (rows.every((row) => row.finishReason) || step === options.maxNewTokens - 1) break;
      options.signal?.throwIfAborted();
      if (onDevice) {
        chosen = await decoder.stepArgmax(
          next,
          rows.map((row) =>
            fixedBans(
              { tokens: row.tokens, generated: row.tokens.length - row.promptLength },
              options,
            ),
          ),
        );
      } else {
        logits = await decoder.step(next);
      }
    }
  } finally {
    decoder.dispose();
  }
  return rows.map((row) => ({
    tokens: row.tokens.slice(row.promptLength),
    finishReason: row.finishReason ?? 'length',
  }));
}

function stopStringHit(row: RowState, options: ResolvedGenerateOptions): boolean {
  if (options.stopStrings.length === 0 || !options.decode) return false;
  const text = options.decode(row.tokens.slice(row.promptLength));
  return options.stopStrings.some((stop) => text.includes(stop));
}

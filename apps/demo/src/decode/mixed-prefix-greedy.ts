// Greedy decoding of one prompt under several prefixes (or none) in one batch: the paper's
// deployment argument, one forward pass serving rows with different prefixes. Each row joins
// @prefixkit/gpt2's DecodeBatch with its prefix's decoding() (its prompt runs with its own
// prefix, which then lives only in its cache rows) and tokens are picked as generate() picks
// them, so each row equals greedy generateWithPeft for its prefix alone.
import { ConfigValidationError } from '@prefixkit/errors';
import { DecodeBatch, type Gpt2Model, nextToken, resolveGenerateOptions } from '@prefixkit/gpt2';
import type { PeftDecoding, PeftModel } from '@prefixkit/peft';

export interface MixedGreedyOptions {
  readonly maxNewTokens: number;
  readonly minNewTokens: number;
  readonly bannedTokenIds: readonly number[];
}

/**
 * Generated tokens per prefix (eos included when it ended the row).
 * @example const [plain, tuned] = await mixedPrefixGreedy(model, prompt, [null, prefix], options);
 */
export async function mixedPrefixGreedy(
  base: Gpt2Model,
  prompt: readonly number[],
  prefixes: readonly (PeftModel | null)[],
  options: MixedGreedyOptions,
): Promise<number[][]> {
  const resolved = resolveGenerateOptions(options, base.config);
  const decodings: (PeftDecoding | null)[] = [];
  const batch = new DecodeBatch(base);
  const outputs = prefixes.map((): number[] => []);
  try {
    let logits = new Map<number, Float32Array>();
    for (const [row, prefix] of prefixes.entries()) {
      const decoding = prefix?.decoding() ?? null;
      decodings.push(decoding);
      if (decoding && (decoding.model !== base || decoding.options.hooks)) {
        throw new ConfigValidationError(
          'expected a prefix-like method (one that decodes the frozen base model without hooks)',
          { field: `prefixes[${row}]` },
        );
      }
      logits.set(row, await batch.join(row, prompt, decoding?.options ?? {}));
    }
    while (batch.rows.length > 0) {
      const next = new Map<number, number>();
      const finished: number[] = [];
      for (const row of batch.rows) {
        const tokens = outputs[row]!;
        const context = { tokens: [...prompt, ...tokens], generated: tokens.length };
        const token = nextToken(logits.get(row)!, context, resolved, Math.random);
        tokens.push(token);
        if (resolved.eosTokenIds.includes(token) || tokens.length >= resolved.maxNewTokens)
          finished.push(row);
        else next.set(row, token);
      }
      batch.leave(finished);
      if (batch.rows.length > 0) logits = await batch.step(next);
    }
    return outputs;
  } finally {
    batch.dispose();
    for (const decoding of decodings) decoding?.dispose();
  }
}

// Greedy decoding of one prompt under several prefixes (or none) in one batch: the paper's
// deployment argument, one forward pass serving rows with different prefixes. The first pass is
// mixedPrefixForward (each row's prefix padded to the longest, padding masked); later tokens run
// through the KV cache with each row's mask and positions. Kept minimal on purpose: greedy only,
// with the same banned tokens and minimum length as generate(), so each row equals
// generateWithPeft(greedy) for its prefix alone.
import { type Gpt2Model, KvCache } from '@prefixkit/gpt2';
import { mixedPrefixForward } from '@prefixkit/peft';
import { noGrad, type Tensor, tidy } from '@prefixkit/tensor';

export interface MixedGreedyOptions {
  readonly maxNewTokens: number;
  readonly minNewTokens: number;
  readonly bannedTokenIds: readonly number[];
}

/** The argmax over `scores` with banned ids (and eos before minNewTokens) excluded. */
function pick(scores: Float32Array, banned: ReadonlySet<number>): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let id = 0; id < scores.length; id++) {
    if (!banned.has(id) && scores[id]! > bestScore) {
      best = id;
      bestScore = scores[id]!;
    }
  }
  return best;
}

/**
 * Generated tokens per prefix (eos included when it ended the row).
 * @example const [plain, tuned] = await mixedPrefixGreedy(model, prompt, [null, activations], options);
 */
export async function mixedPrefixGreedy(
  base: Gpt2Model,
  prompt: readonly number[],
  prefixes: readonly (Tensor | null)[],
  options: MixedGreedyOptions,
): Promise<number[][]> {
  const eos = base.config.eos_token_id ?? -1;
  const V = base.config.vocab_size;
  const lengths = prefixes.map((prefix) => prefix?.shape[0] ?? 0);
  const P = Math.max(...lengths);
  const mask = lengths.map((length) => [
    ...new Array<number>(length).fill(1),
    ...new Array<number>(P - length).fill(0),
    ...prompt.map(() => 1),
  ]);
  const positions = lengths.map((length) => length + prompt.length);
  const outputs: number[][] = prefixes.map(() => []);
  const done = prefixes.map(() => false);
  const cache = new KvCache([]);
  try {
    let out = noGrad(() =>
      tidy(() =>
        mixedPrefixForward(
          base,
          prefixes.map(() => [...prompt]),
          { prefixes, logitsFor: 'last' },
        ),
      ),
    );
    for (let step = 0; step < options.maxNewTokens; step++) {
      cache.update(out.cache);
      const logits = await out.logits.data();
      out.logits.dispose();
      const banned = new Set(options.bannedTokenIds);
      if (step < options.minNewTokens) banned.add(eos);
      const next = outputs.map((tokens, row) => {
        if (done[row]) return eos;
        const token = pick(Float32Array.from(logits.subarray(row * V, (row + 1) * V)), banned);
        tokens.push(token);
        done[row] = token === eos;
        return token;
      });
      if (done.every(Boolean) || step === options.maxNewTokens - 1) break;
      for (const row of mask) row.push(1);
      out = base.forwardLast(
        next.map((token) => [token]),
        {
          past: cache.layers,
          attentionMask: mask,
          positionIds: positions.map((position, row) => [position + outputs[row]!.length - 1]),
        },
      );
    }
  } finally {
    cache.dispose();
  }
  return outputs;
}

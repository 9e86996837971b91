// The log-probability of every generated token under the decoding method, by one teacher-forced
// forward pass over prompt + output through the method's own forward (which its decoding equals).
// This is log_softmax of the raw logits, before banned tokens or length rules: the quantity
// HF's beam search sums into a beam's score, so sum(logprobs) / length**lengthPenalty equals
// the beam score, and another implementation can be checked number by number.
import type { Gpt2Output, IntMatrix } from '@prefixkit/gpt2';
import { keep, noGrad, tidy } from '@prefixkit/tensor';

/** log_softmax(row)[token], in float64. */
export function logSoftmaxAt(row: Float32Array, token: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of row) if (value > max) max = value;
  let sum = 0;
  for (const value of row) sum += Math.exp(value - max);
  return row[token]! - max - Math.log(sum);
}

/** Per generated token, its log-probability given the prompt and the tokens before it. */
export async function tokenLogprobs(
  forward: (ids: IntMatrix) => Gpt2Output,
  prompt: readonly number[],
  generated: readonly number[],
): Promise<number[]> {
  if (generated.length === 0) return [];
  const ids = [...prompt, ...generated];
  const logits = noGrad(() => tidy(() => keep(forward([ids]).logits))); // (1, T, V)
  const V = logits.shape[2]!;
  const data = (await logits.data()) as Float32Array;
  logits.dispose();
  return generated.map((token, index) => {
    const t = prompt.length - 1 + index;
    return logSoftmaxAt(data.subarray(t * V, (t + 1) * V), token);
  });
}

// prefixkit's side of a decoding case: the public generate() with min = max new tokens, so
// every repetition runs the same steps. Each repetition times a 1-token run (the prompt pass
// and its first token) and the full run, as compare_torch.py does.
import { type Gpt2Model, generate } from '@prefixkit/gpt2';
import type { DecodeCase } from './cases';

export interface DecodeTimes {
  readonly promptMs: number[];
  readonly totalMs: number[];
  /** The generated tokens of the last repetition, per prompt row. */
  readonly tokens: number[][];
}

export async function prefixkitDecode(
  model: Gpt2Model,
  decodeCase: DecodeCase,
  prompts: readonly (readonly number[])[],
  repetitions: { warmup: number; reps: number },
): Promise<DecodeTimes> {
  const run = (newTokens: number) =>
    generate(model, prompts, {
      maxNewTokens: newTokens,
      minNewTokens: newTokens,
      numBeams: decodeCase.numBeams,
    });
  for (let index = 0; index < repetitions.warmup; index++) await run(decodeCase.newTokens);
  const promptMs: number[] = [];
  const totalMs: number[] = [];
  let tokens: number[][] = [];
  for (let index = 0; index < repetitions.reps; index++) {
    const start = performance.now();
    await run(1);
    const middle = performance.now();
    const rows = await run(decodeCase.newTokens);
    promptMs.push(middle - start);
    totalMs.push(performance.now() - middle);
    tokens = rows.map((row) => row.tokens);
  }
  return { promptMs, totalMs, tokens };
}

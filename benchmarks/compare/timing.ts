// Repetition lists and their medians; every figure of the comparison goes through here, for
// both sides alike.

/** The median (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Times `run` `reps` times after `warmup` untimed runs; milliseconds per repetition. */
export async function repeat(
  run: () => Promise<void>,
  options: { warmup: number; reps: number },
): Promise<number[]> {
  for (let index = 0; index < options.warmup; index++) await run();
  const times: number[] = [];
  for (let index = 0; index < options.reps; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Milliseconds per decoding step of each repetition, from a 1-token run (the prompt pass and its
 * first token) and a `newTokens` run: (total - prompt) / (newTokens - 1).
 */
export function stepTimes(
  promptMs: readonly number[],
  totalMs: readonly number[],
  newTokens: number,
): number[] {
  return totalMs.map((total, index) => (total - (promptMs[index] as number)) / (newTokens - 1));
}

/** 3 significant digits are all a shared machine's timings carry. */
export function rounded(value: number): number {
  return Number(value.toPrecision(3));
}

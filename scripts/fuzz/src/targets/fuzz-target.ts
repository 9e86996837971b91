// What a fuzzer is: a name, a one-time setup (seed inputs, a loaded model), and one case, which
// mutates a seed with the case's random stream, feeds it to the code under test and checks what
// came back. Typed errors are thrown through; the runner classifies everything thrown.
import { fileURLToPath } from 'node:url';
import type { CaseResult } from '../outcome';
import type { SeededRandom } from '../seeded-random';

export interface FuzzTarget<Context = unknown> {
  readonly name: string;
  readonly description: string;
  prepare(): Promise<Context>;
  run(context: Context, random: SeededRandom, index: number): Promise<CaseResult>;
}

/** An absolute path in the repository. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
}

/** An accepted input whose output is wrong: counted as a finding, not a pass. */
export function invalid(problem: string): CaseResult {
  return { outcome: 'invalid', problem };
}

export const valid: CaseResult = { outcome: 'valid' };

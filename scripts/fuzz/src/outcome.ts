// How one fuzz case ended, and the tally of a pass. A case is fine when the input was refused
// with a typed error (a PrefixkitError whose code is not INTERNAL; for the binary, an exit status
// other than 1) or accepted and its output checked valid. Anything else is a finding: a crash
// (an untyped exception, INTERNAL, exit 1 or a stack trace), an accepted input whose output
// fails the validity check, or a hang (no answer before the watchdog's timeout).
import { PrefixkitError } from '@prefixkit/errors';

export type CaseOutcome = 'typed' | 'valid' | 'invalid' | 'crash' | 'hang';

export const caseOutcomes: readonly CaseOutcome[] = ['typed', 'valid', 'invalid', 'crash', 'hang'];

/** What a case returns when it finished: refused (typed) or accepted; `problem` marks invalid output. */
export type CaseResult =
  | { outcome: 'typed' | 'valid' }
  | { outcome: 'invalid' | 'crash' | 'hang'; problem: string };

/** One finding: enough to rerun it (`case` with the pass's seed) and to read what went wrong. */
export interface Finding {
  case: number;
  outcome: 'invalid' | 'crash' | 'hang';
  detail: string;
}

export interface FuzzCounts {
  target: string;
  seed: number;
  cases: number;
  counts: Record<CaseOutcome, number>;
  /** Distinct findings (first case of each distinct detail), at most 20. */
  findings: Finding[];
}

/** Typed error -> 'typed'; anything else thrown is a crash, described on one line. */
export function classifyThrown(
  error: unknown,
): { outcome: 'typed' } | { outcome: 'crash'; detail: string } {
  if (PrefixkitError.isInstance(error) && error.code !== 'INTERNAL') return { outcome: 'typed' };
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message} @ ${(error.stack ?? '').split('\n')[1]?.trim() ?? ''}`
      : String(error);
  return { outcome: 'crash', detail: text.replace(/\s+/g, ' ').slice(0, 400) };
}

export function emptyCounts(): Record<CaseOutcome, number> {
  return { typed: 0, valid: 0, invalid: 0, crash: 0, hang: 0 };
}

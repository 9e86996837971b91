// The drivers' errors: each has a stable code and the exit status the launcher gives it, and its
// message says what went wrong and how to go on (all of them leave finished work in place).
import { PrefixkitError } from '@prefixkit/errors';

/** A bad command line: exit 2, as the CLI's usage errors. */
export class ExperimentUsageError extends PrefixkitError {
  readonly exitCode = 2;
  constructor(message: string) {
    super('EXPERIMENT_USAGE', message);
  }
}

/** The run folder holds an experiment run with other settings: exit 12, as the CLI's refusals. */
export class RunFolderMismatchError extends PrefixkitError {
  readonly exitCode = 12;
  constructor(message: string) {
    super('EXPERIMENT_RUN_FOLDER', message);
  }
}

/** A prefixkit command failed: the launcher exits with its status. */
export class StepFailedError extends PrefixkitError {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super('EXPERIMENT_STEP_FAILED', message);
  }
}

/** The exit status for an error thrown by a driver (1 for anything unexpected). */
export function exitCodeOf(error: unknown): number {
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' ? code : 1;
}

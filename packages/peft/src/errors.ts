// Typed errors of @prefixkit/peft. Messages follow "what, where, expected, got" (STYLE.md
// Errors) so a caller can fix a config, a call or a file without reading this package.
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** A method config or an argument that does not fit the base model (shapes, lengths, names). */
export class PeftConfigError extends PrefixkitError {
  constructor(where: string, expected: string, got: string, options: PrefixkitErrorOptions = {}) {
    super('PEFT_CONFIG', `${where}: expected ${expected}, got ${got}`, options);
  }
}

/** A saved adapter / prefix / checkpoint whose contents do not match what loading expects. */
export class PeftFormatError extends PrefixkitError {
  readonly file: string;
  constructor(
    file: string,
    what: string,
    expected: string,
    got: string,
    options: PrefixkitErrorOptions = {},
  ) {
    super('PEFT_FORMAT', `${file}: ${what}: expected ${expected}, got ${got}`, options);
    this.file = file;
  }
}

/** A trainer option or state that makes training impossible (no data, bad resume point). */
export class TrainerError extends PrefixkitError {
  constructor(message: string, options: PrefixkitErrorOptions = {}) {
    super('PEFT_TRAINER', message, options);
  }
}

/**
 * The training loss (or the gradient norm) became NaN or infinite. Raised before the optimiser
 * step, so the parameters still hold the last finite step's values.
 */
export class NonFiniteLossError extends PrefixkitError {
  /** The optimiser step that would have been taken (1-based). */
  readonly step: number;
  constructor(step: number, what: string) {
    super(
      'PEFT_NON_FINITE_LOSS',
      `step ${step}: ${what}; stopped before the optimiser step, so the weights are those of step ${step - 1}. Lower the learning rate or set a max gradient norm`,
    );
    this.step = step;
  }
}

/** A run has no checkpoint to resume from (none was written before it stopped). */
export class CheckpointNotFoundError extends PrefixkitError {
  readonly directory: string;
  constructor(directory: string, message: string, options: PrefixkitErrorOptions = {}) {
    super('CHECKPOINT_NOT_FOUND', `${directory}: ${message}`, options);
    this.directory = directory;
  }
}

/**
 * A checkpoint `latest` pointer that does not name a real step folder inside its own directory
 * (a path, `..`, or a symbolic link out of it).
 */
export class CheckpointPointerError extends PrefixkitError {
  readonly file: string;
  constructor(file: string, problem: string, options: PrefixkitErrorOptions = {}) {
    super(
      'CHECKPOINT_POINTER_INVALID',
      `${file}: ${problem}; expected the name of a step folder beside it (step-<N>). Refusing to read a checkpoint from elsewhere.`,
      options,
    );
    this.file = file;
  }
}

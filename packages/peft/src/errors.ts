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

// Typed errors of generation: bad options or prompts, named as "what, where, expected, got".
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** A generate() option or prompt that cannot be honoured. */
export class GenerateOptionsError extends PrefixkitError {
  /** The option (e.g. `topP`) or `prompts[2]`. */
  readonly option: string;
  constructor(option: string, expected: string, got: string, options: PrefixkitErrorOptions = {}) {
    super(
      'GENERATE_OPTIONS',
      `generate: option ${option}: expected ${expected}, got ${got}`,
      options,
    );
    this.option = option;
  }
}

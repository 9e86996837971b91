// Typed errors of the GPT-2 model (forward inputs, weights). Messages follow "what, where,
// expected, got" so a caller can fix the call without reading this package's source.
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** An argument of Gpt2Model.forward (or of the KV cache) that does not fit the model. */
export class Gpt2InputError extends PrefixkitError {
  /** The offending argument, e.g. `ids`, `past[3].key`, `positionIds`. */
  readonly argument: string;
  constructor(
    argument: string,
    expected: string,
    got: string,
    options: PrefixkitErrorOptions = {},
  ) {
    super(
      'GPT2_INPUT',
      `Gpt2Model: argument ${argument}: expected ${expected}, got ${got}`,
      options,
    );
    this.argument = argument;
  }
}

/** A model that cannot be built from the given config and parameters. */
export class Gpt2ModelError extends PrefixkitError {
  constructor(message: string, options: PrefixkitErrorOptions = {}) {
    super('GPT2_MODEL', message, options);
  }
}

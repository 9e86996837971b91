// The base of every error prefixkit throws.
//
// Recognisable across duplicate installs: two copies of this package (a CLI and a library each
// bundling one) make two distinct classes, so `instanceof` fails between them. Every instance
// therefore carries a marker under a registry-wide Symbol, and `PrefixkitError.isInstance`
// checks the marker instead of the prototype chain (the same idea as vercel/ai's AISDKError).

const marker = Symbol.for('prefixkit.error');

export interface PrefixkitErrorOptions {
  /** The lower-level error that caused this one. */
  cause?: unknown;
}

export class PrefixkitError extends Error {
  /** A stable, documented identifier: code that handles errors switches on this, never on text. */
  readonly code: string;
  readonly [marker] = true;

  constructor(code: string, message: string, options: PrefixkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }

  /** True for any prefixkit error, whichever copy of this package created it. */
  static isInstance(value: unknown): value is PrefixkitError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[marker] === true
    );
  }

  /** True for a prefixkit error with the given code. */
  static hasCode(value: unknown, code: string): value is PrefixkitError {
    return PrefixkitError.isInstance(value) && value.code === code;
  }
}

/** Thrown when an internal invariant fails: a bug in prefixkit, never bad user input. */
export class InternalError extends PrefixkitError {
  constructor(message: string, options: PrefixkitErrorOptions = {}) {
    super('INTERNAL', `internal error (please report): ${message}`, options);
  }
}

/**
 * Checks an internal invariant. The message is built lazily so hot paths pay nothing.
 * Never use this for user input: that gets a typed error naming what and where.
 */
export function assert(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new InternalError(message());
}

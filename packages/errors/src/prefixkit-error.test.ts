import { describe, expect, it } from 'vitest';
import { assert, ConfigValidationError, InternalError, PrefixkitError } from './index';

describe('PrefixkitError', () => {
  it('keeps code, message, cause and the subclass name', () => {
    const cause = new Error('disk full');
    const error = new ConfigValidationError(
      'must be a number',
      { file: 'a.json', field: '/lr' },
      { cause },
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('a.json, field /lr: must be a number');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('ConfigValidationError');
    expect(error).toBeInstanceOf(PrefixkitError);
  });

  it('recognises errors made by another copy of the class', () => {
    // A structurally separate class, as a second install of this package would define.
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('prefixkit.error')]: true,
      code: 'X',
    });
    expect(foreign instanceof PrefixkitError).toBe(false);
    expect(PrefixkitError.isInstance(foreign)).toBe(true);
    expect(PrefixkitError.hasCode(foreign, 'X')).toBe(true);
    expect(PrefixkitError.isInstance(new Error('plain'))).toBe(false);
    expect(PrefixkitError.isInstance(null)).toBe(false);
  });

  it('assert throws an InternalError with the lazy message', () => {
    expect(() => assert(1 + 1 === 3, () => 'arithmetic')).toThrow(InternalError);
    expect(() => assert(true, () => 'never built')).not.toThrow();
  });
});

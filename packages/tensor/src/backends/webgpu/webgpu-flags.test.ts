// PREFIXKIT_PRINT_WGSL parsing: a comma-separated list of kernel names, or all / *.
// PREFIXKIT_DAWN_FLAGS parsing: name=value flags separated by spaces.
import { ConfigValidationError } from '@prefixkit/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { dawnInstanceFlags, shouldPrintWgsl } from './webgpu-flags';

/** Puts the variable back as it was after each test of the enclosing describe. */
function restoreAfterEach(name: string): void {
  const saved = process.env[name];
  afterEach(() => {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  });
}

describe('shouldPrintWgsl', () => {
  restoreAfterEach('PREFIXKIT_PRINT_WGSL');

  it('is off without the variable', () => {
    delete process.env.PREFIXKIT_PRINT_WGSL;
    expect(shouldPrintWgsl('matmul')).toBe(false);
  });

  it('selects exactly the listed kernels', () => {
    process.env.PREFIXKIT_PRINT_WGSL = 'geluForward, matmul';
    expect(shouldPrintWgsl('matmul')).toBe(true);
    expect(shouldPrintWgsl('geluForward')).toBe(true);
    expect(shouldPrintWgsl('matmulNaive')).toBe(false);
  });

  it('selects every kernel with all or *', () => {
    process.env.PREFIXKIT_PRINT_WGSL = 'all';
    expect(shouldPrintWgsl('anything')).toBe(true);
    process.env.PREFIXKIT_PRINT_WGSL = '*';
    expect(shouldPrintWgsl('anything')).toBe(true);
  });
});

describe('dawnInstanceFlags', () => {
  restoreAfterEach('PREFIXKIT_DAWN_FLAGS');

  it('is empty without the variable', () => {
    delete process.env.PREFIXKIT_DAWN_FLAGS;
    expect(dawnInstanceFlags()).toEqual([]);
  });

  it('splits on spaces and keeps commas inside a flag', () => {
    process.env.PREFIXKIT_DAWN_FLAGS =
      '  enable-dawn-features=disable_robustness,allow_unsafe_apis   backend=vulkan ';
    expect(dawnInstanceFlags()).toEqual([
      'enable-dawn-features=disable_robustness,allow_unsafe_apis',
      'backend=vulkan',
    ]);
  });

  it('names the variable and the token that is not name=value', () => {
    process.env.PREFIXKIT_DAWN_FLAGS = 'backend=vulkan disable_robustness';
    expect(() => dawnInstanceFlags()).toThrowError(ConfigValidationError);
    expect(() => dawnInstanceFlags()).toThrowError(/PREFIXKIT_DAWN_FLAGS.*'disable_robustness'/);
  });
});

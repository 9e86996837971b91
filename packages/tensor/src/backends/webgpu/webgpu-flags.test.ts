// PREFIXKIT_PRINT_WGSL parsing: a comma-separated list of kernel names, or all / *.
import { afterEach, describe, expect, it } from 'vitest';
import { shouldPrintWgsl } from './webgpu-flags';

describe('shouldPrintWgsl', () => {
  const saved = process.env.PREFIXKIT_PRINT_WGSL;
  afterEach(() => {
    if (saved === undefined) delete process.env.PREFIXKIT_PRINT_WGSL;
    else process.env.PREFIXKIT_PRINT_WGSL = saved;
  });

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

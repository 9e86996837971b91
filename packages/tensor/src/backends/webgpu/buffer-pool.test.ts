// Size classes of the buffer pool: never smaller than asked, at most 25% larger, shared by
// nearby sizes.
import { describe, expect, it } from 'vitest';
import { sizeClass } from './buffer-pool';

describe('sizeClass', () => {
  it('rounds up by at most a quarter, with a 256-byte floor', () => {
    expect(sizeClass(1)).toBe(256);
    expect(sizeClass(256)).toBe(256);
    for (const bytes of [257, 1000, 3 * 1024 * 1024 + 4, 768 * 1024 * 4, 50257 * 768 * 4]) {
      const size = sizeClass(bytes);
      expect(size).toBeGreaterThanOrEqual(bytes);
      expect(size).toBeLessThanOrEqual(bytes * 1.25 + 1);
      expect(size % 16).toBe(0);
    }
  });

  it('puts nearby sizes in one class', () => {
    expect(sizeClass(990 * 4)).toBe(sizeClass(1000 * 4));
    expect(sizeClass(2 ** 20)).not.toBe(sizeClass(2 ** 20 + 4));
  });
});

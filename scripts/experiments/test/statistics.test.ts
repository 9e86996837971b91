import { describe, expect, it } from 'vitest';
import { formatSeconds, formatShare, formatSpread } from '../src/results/format';
import { spread } from '../src/results/statistics';

describe('spread', () => {
  it('gives mean, sample sd (n - 1), min and max', () => {
    const result = spread([1, 2, 3, 6]);
    expect(result.mean).toBe(3);
    expect(result.sd).toBeCloseTo(Math.sqrt(14 / 3), 12);
    expect([result.n, result.min, result.max]).toEqual([4, 1, 6]);
  });

  it('has sd 0 for one value and refuses none', () => {
    expect(spread([0.5])).toEqual({ n: 1, mean: 0.5, sd: 0, min: 0.5, max: 0.5 });
    expect(() => spread([])).toThrow();
  });
});

describe('formatting', () => {
  it('prints scores on their scale, with ± sd when there are several', () => {
    expect(formatSpread(spread([0.51, 0.53]), '0-1')).toBe('0.5200 ± 0.0141');
    expect(formatSpread(spread([45.123]), '0-100')).toBe('45.12');
  });

  it('prints parameters with their share, and times as h:mm:ss', () => {
    expect(formatShare(10_240, 7_259_008)).toBe('10,240 (0.141%)');
    expect(formatShare(0, 7_259_008)).toBe('0');
    expect(formatShare(null, 1)).toBe('-');
    expect(formatSeconds(75.2)).toBe('1:15');
    expect(formatSeconds(3725)).toBe('1:02:05');
  });
});

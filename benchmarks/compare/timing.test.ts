import { describe, expect, it } from 'vitest';
import { median, rounded, stepTimes } from './timing';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('stepTimes', () => {
  it('spreads the time beyond the 1-token run over the remaining steps of each repetition', () => {
    // 1 token: 100 ms; 10 tokens: 1000 ms -> 9 more steps took 900 ms.
    expect(stepTimes([100, 50], [1000, 500], 10)).toEqual([100, 50]);
  });
});

describe('rounded', () => {
  it('keeps three significant digits', () => {
    expect(rounded(123456)).toBe(123000);
    expect(rounded(0.0123456)).toBe(0.0123);
  });
});

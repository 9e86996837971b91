import { describe, expect, it } from 'vitest';
import { describeSelection, selectInputs } from './input-selection';

const ten = Array.from({ length: 10 }, (_, i) => i);

describe('selectInputs', () => {
  it('keeps every K-th input from the first, then the first N of those', () => {
    expect(selectInputs(ten, {})).toEqual(ten);
    expect(selectInputs(ten, { every: 1 })).toEqual(ten);
    expect(selectInputs(ten, { every: 3 })).toEqual([0, 3, 6, 9]);
    expect(selectInputs(ten, { every: 4 })).toEqual([0, 4, 8]);
    expect(selectInputs(ten, { maxInputs: 2 })).toEqual([0, 1]);
    expect(selectInputs(ten, { every: 3, maxInputs: 2 })).toEqual([0, 3]);
    expect(selectInputs(ten, { every: 11 })).toEqual([0]);
    expect(selectInputs([], { every: 2, maxInputs: 3 })).toEqual([]);
  });

  it('names the selection and its flags for messages', () => {
    expect(describeSelection({})).toBe('');
    expect(describeSelection({ maxInputs: 2 })).toBe(' (its first ones, --max-inputs 2)');
    expect(describeSelection({ every: 9 })).toBe(' (every 9th, --every 9)');
    expect(describeSelection({ every: 2, maxInputs: 5 })).toBe(
      ' (every 2nd, its first 5, --every 2 --max-inputs 5)',
    );
    expect(describeSelection({ every: 12 })).toBe(' (every 12th, --every 12)');
    expect(describeSelection({ every: 23 })).toBe(' (every 23rd, --every 23)');
    expect(describeSelection({ every: 21 })).toBe(' (every 21st, --every 21)');
  });
});

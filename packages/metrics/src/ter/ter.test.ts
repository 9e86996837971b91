import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors';
import { normalizeWebnlg } from '../tokenize/webnlg';
import { minEditDist } from './min-edit-dist';
import { ter } from './ter';
import { performShift, tercomEdits } from './tercom';

describe('tercom edits', () => {
  it('is 0 for identical text and counts plain edits', () => {
    expect(tercomEdits(['a', 'b'], ['a', 'b']).numEdits).toBe(0);
    expect(minEditDist(['a', 'x', 'c'], ['a', 'b', 'c', 'd']).numEdits).toBe(2); // 1 sub + 1 del
  });

  it('moves a misplaced block with one shift instead of two edits', () => {
    // "b c a" vs "a b c": edit distance 2, one shift of "a" to the front costs 1.
    const r = tercomEdits(['b', 'c', 'a'], ['a', 'b', 'c']);
    expect(r).toEqual({ numEdits: 1, numShifts: 1, refLength: 3 });
    // A two-word block: "d e a b c" vs "a b c d e" -> one shift.
    expect(tercomEdits(['d', 'e', 'a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e']).numEdits).toBe(1);
  });

  it('does not shift beyond the maximum distance', () => {
    const ref = ['x', ...Array.from({ length: 60 }, (_, i) => `w${i}`)];
    const hyp = [...ref.slice(1), 'x'];
    expect(tercomEdits(hyp, ref, { maxShiftDist: 50 }).numShifts).toBe(0);
    expect(tercomEdits(hyp, ref, { maxShiftDist: 100 }).numEdits).toBe(1);
  });

  it('performs shifts like TERcalc.PerformShift', () => {
    expect(performShift(['a', 'b', 'c', 'd'], 2, 3, -1)).toEqual(['c', 'd', 'a', 'b']);
    expect(performShift(['a', 'b', 'c', 'd'], 0, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(performShift(['a', 'b', 'c', 'd'], 3, 3, 0)).toEqual(['a', 'd', 'b', 'c']);
  });
});

describe('ter', () => {
  it('is case-insensitive and takes the reference with the fewest edits', () => {
    const r = ter(['The Cat sat'], [['a dog ran away', 'the cat sat down']]);
    // best: 1 deletion against ref 2; average reference length (4 + 4) / 2.
    expect(r.segmentDetails[0]).toMatchObject({ edits: 1, refLength: 4, bestReference: 1 });
    expect(r.score).toBe(1 / 4);
  });

  it('handles empty hypotheses and references like TERnullstr', () => {
    expect(ter([''], [['a b c']]).score).toBe(1); // 3 deletions / 3 words
    const r = ter(['a b'], [['']]);
    expect(r.totalEdits).toBe(2);
    expect(r.totalRefLength).toBe(0);
    expect(r.score).toBe(Number.POSITIVE_INFINITY);
    expect(ter([''], [['']]).score).toBe(0);
  });

  it('sums edits and average lengths over the corpus', () => {
    const r = ter(['a b c', 'x'], [['a b d'], ['x y z', 'x']]);
    // seg 1: 1 sub / 3; seg 2: 0 edits (ref 2), average length (3 + 1) / 2 = 2.
    expect(r.totalEdits).toBe(1);
    expect(r.totalRefLength).toBe(5);
    expect(r.score).toBe(1 / 5);
  });

  it('rejects missing references', () => {
    expect(() => ter(['a'], [[]])).toThrow(MetricInputError);
  });
});

describe('normalizeWebnlg', () => {
  it('transliterates, lower-cases and splits every non-word character', () => {
    expect(normalizeWebnlg('Adolfo Suárez Madrid–Barajas Airport')).toBe(
      'adolfo suarez madrid - barajas airport',
    );
    expect(normalizeWebnlg('"18L/36R" is 3,990.0 m long.')).toBe(
      '" 18l / 36r " is 3 , 990 . 0 m long .',
    );
    expect(normalizeWebnlg('Straße Ærø')).toBe('strasse aero');
  });
});

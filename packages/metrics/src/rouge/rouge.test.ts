import { describe, expect, it } from 'vitest';
import { rougeLCoco, rougeLCocoSegment } from './rouge-l-coco';
import { rougeScore, rougeScorePair } from './rouge-score';

describe('COCO ROUGE_L', () => {
  it('maximises precision and recall separately, beta 1.2', () => {
    // cand "a b c d"; ref1 "a b" (lcs 2: p .5, r 1); ref2 "a b c d e f g h" (lcs 4: p 1, r .5).
    const p = 1;
    const r = 1;
    expect(
      rougeLCocoSegment(
        ['a', 'b', 'c', 'd'],
        [
          ['a', 'b'],
          ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
        ],
      ),
    ).toBeCloseTo(((1 + 1.44) * p * r) / (r + 1.44 * p), 12);
    expect(rougeLCocoSegment(['a', 'b'], [['a', 'x', 'b', 'y']])).toBeCloseTo(
      (2.44 * 1 * 0.5) / (0.5 + 1.44),
      12,
    );
  });
  it('scores an empty hypothesis 0, and tokenises with PTB (punctuation dropped)', () => {
    expect(
      rougeLCoco(['', 'Blue Spice, a pub.'], [['a pub'], ['blue spice a pub']]).segments,
    ).toEqual([0, 1]);
  });
});

describe('rouge_score', () => {
  it('ROUGE-1 and ROUGE-2 precision/recall/F', () => {
    const s = rougeScorePair(
      'rouge1',
      'the cat was found under the bed',
      'the cat was under the bed',
    );
    expect(s.precision).toBeCloseTo(6 / 6, 12);
    expect(s.recall).toBeCloseTo(6 / 7, 12);
    const b = rougeScorePair(
      'rouge2',
      'the cat was found under the bed',
      'the cat was under the bed',
    );
    expect(b.precision).toBeCloseTo(4 / 5, 12);
    expect(b.recall).toBeCloseTo(4 / 6, 12);
  });
  it('ROUGE-Lsum unions LCS over sentences without double counting', () => {
    // ref sentences: [a b c], [d e]; candidate: [a b], [c d e]: union hits = a b c + d e = 5.
    const s = rougeScorePair('rougeLsum', 'a b c\nd e', 'a b\nc d e', false);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(1);
    expect(rougeScorePair('rougeLsum', 'a a', 'a', false).recall).toBe(0.5);
  });
  it('handles empty texts and picks the best reference per segment', () => {
    expect(rougeScorePair('rougeL', '', 'a b').fmeasure).toBe(0);
    const r = rougeScore('rougeL', ['running dogs'], [['cats', 'the dog runs']]);
    // stems [run, dog] vs [the, dog, run]: LCS 1, P 1/2, R 1/3.
    expect(r.segments[0]).toBeCloseTo((2 * (1 / 2) * (1 / 3)) / (1 / 2 + 1 / 3), 12);
    expect(r.signature).toContain('stem:porter');
  });
});

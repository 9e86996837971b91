import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors';
import { METEOR_EN_RANK, meteor, meteorPairStats, meteorTokens } from './meteor';
import { computeScores } from './meteor-stats';
import { ParaphraseTable } from './paraphrase-table';
import { SynonymDictionary } from './synonym-dictionary';

// Scores below are worked out by hand from METEOR's formulas with the 1.5 English rank
// parameters: alpha 0.85, beta 0.2, gamma 0.6, delta 0.75, weights 1/0.6/0.8/0.6.
const fmean = (p: number, r: number) => 1 / (0.15 / p + 0.85 / r);
const pen = (chunks: number, matched: number) => 0.6 * (chunks / matched) ** 0.2;

describe('meteor', () => {
  it('gives 1 for an identical sentence (one chunk, no fragmentation)', () => {
    expect(meteor(['The cat sat.'], [['the cat sat .']]).score).toBe(1);
  });

  it('scores a partial match with function-word weighting', () => {
    // test: the(F) cat sat; ref: the(F) cat sat on(F) the(F) mat; "the" aligns to ref word 0.
    const r = meteor(['the cat sat'], [['the cat sat on the mat']]);
    const p = (2 * 0.75 + 0.25) / (2 * 0.75 + 0.25);
    const rc = (2 * 0.75 + 0.25) / (3 * 0.75 + 3 * 0.25);
    expect(r.score).toBeCloseTo(fmean(p, rc) * (1 - pen(1, 3)), 12);
    expect(r.segmentDetails[0]?.stats.chunks).toBe(1);
  });

  it('counts chunks of out-of-order matches', () => {
    // cat sat | the mat: all four content/function words match in two chunks.
    const r = meteor(['mat cat'], [['cat mat']]);
    // two content matches each side, two chunks, two matched words.
    expect(r.score).toBeCloseTo(fmean(1, 1) * (1 - pen(2, 2)), 12);
  });

  it('matches stems with weight 0.6', () => {
    const s = meteorPairStats(['walking'], ['walked']);
    expect(s.testStageMatchesContent).toEqual([0, 1, 0, 0]);
    const sc = computeScores(s, METEOR_EN_RANK);
    expect(sc.precision).toBeCloseTo(0.6, 12);
    // Every word matched in one chunk counts as perfect order: no fragmentation penalty.
    expect(sc.score).toBeCloseTo(0.6, 12);
  });

  it('matches WordNet synonyms through base forms and exceptions', () => {
    const dict = SynonymDictionary.parse(
      'car\t1,2\nauto\t1\ngoose\t7\nbird\t3\n',
      'geese\tgoose\n',
    );
    expect(meteorPairStats(['autos'], ['car'], { synonyms: dict }).testStageMatchesContent).toEqual(
      [0, 0, 1, 0],
    );
    // Stems differ (gees/goos); the exception list maps geese to goose.
    expect(
      meteorPairStats(['geese'], ['goose'], { synonyms: dict }).testStageMatchesContent,
    ).toEqual([0, 0, 1, 0]);
    expect(meteorPairStats(['bird'], ['car'], { synonyms: dict }).testTotalMatches).toBe(0);
  });

  it('matches phrases from a user-supplied paraphrase table', () => {
    const table = ParaphraseTable.parse('0.5\nkick the bucket\ndie\n');
    const s = meteorPairStats(['die', 'young'], ['kick', 'the', 'bucket', 'young'], {
      paraphrases: table,
    });
    expect(s.testStageMatchesContent[3]).toBe(1);
    expect(
      (s.referenceStageMatchesContent[3] ?? 0) + (s.referenceStageMatchesFunction[3] ?? 0),
    ).toBe(3);
    expect(meteor(['x'], [['y']], { paraphrases: table }).signature).toContain('paraphrase(1)');
    expect(meteor(['x'], [['y']]).signature).toContain('paraphrase(none)');
  });

  it('keeps the best reference per segment', () => {
    const two = meteor(['a red car'], [['a blue bike', 'a red car']]);
    expect(two.segmentDetails[0]?.bestReference).toBe(1);
    expect(two.score).toBe(1);
  });

  it('scores empty hypotheses and empty references as 0', () => {
    expect(meteor([''], [['a cat']]).score).toBe(0);
    expect(meteor(['a cat'], [['']]).score).toBe(0);
  });

  it('rejects a segment without references', () => {
    expect(() => meteor(['a cat'], [[]])).toThrow(MetricInputError);
    expect(() => meteor(['a', 'b'], [['a']])).toThrow(MetricInputError);
  });

  it('aggregates statistics, leaving out chunks of perfect segments', () => {
    const r = meteor(['the cat', 'mat cat'], [['the cat'], ['cat mat']]);
    // Summed: 4 test and 4 ref words, 1 function word each side, all matched; chunks: only the
    // second segment's 2 (the first is perfect in one chunk).
    expect(r.stats.chunks).toBe(2);
    expect(r.score).toBeCloseTo(1 * (1 - pen(2, 4)), 12);
    expect(r.score).not.toBeCloseTo((r.segments[0]! + r.segments[1]!) / 2, 6);
  });
});

describe('meteorTokens (-norm)', () => {
  it('splits punctuation, dashes between words and contractions; keeps number punctuation', () => {
    expect(meteorTokens("It costs £20-25, doesn't it?")).toEqual([
      'it',
      'costs',
      '£',
      '20',
      '25',
      ',',
      'doesn',
      "'t",
      'it',
      '?',
    ]);
    expect(meteorTokens('Pay 1,000.50 dollars.')).toEqual(['pay', '1,000.50', 'dollars', '.']);
    expect(meteorTokens('The U.S. team')).toEqual(['the', 'us', 'team']);
  });

  it('keeps accented letters inside words and lower-cases them', () => {
    expect(meteorTokens('Café Élan—near “Zoë”')).toEqual([
      'café',
      'élan',
      '—',
      'near',
      '"',
      'zoë',
      '"',
    ]);
  });
});

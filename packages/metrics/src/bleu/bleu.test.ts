import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../errors';
import { countNgrams } from '../ngrams';
import { bleuMteval, nistMteval } from './mteval';
import { multiBleu } from './multi-bleu';

describe('mteval-v13a BLEU', () => {
  it('is 1 for an exact match and 0 for an empty hypothesis', () => {
    const r = bleuMteval(['the cat sat on the mat', ''], [['the cat sat on the mat'], ['a b']]);
    expect(r.segments[0]).toBeCloseTo(1, 12);
    expect(r.segments[1]).toBe(0);
    expect(r.signature).toContain('tok:mteval-13a');
  });
  it('smooths zero n-gram counts with 1/(2^k * count)', () => {
    // hyp "a b c d" vs ref "a b x d e": p1 = 3/4, p2 = 1/3, p3 = 0 -> 1/(2*2), p4 = 0 -> 1/(4*1);
    // hyp 4 words, closest ref 5 -> BP = exp(1 - 5/4).
    const expected =
      Math.exp((Math.log(3 / 4) + Math.log(1 / 3) + Math.log(1 / 4) + Math.log(1 / 4)) / 4) *
      Math.exp(1 - 5 / 4);
    expect(bleuMteval(['a b c d'], [['a b x d e']]).score).toBeCloseTo(expected, 12);
  });
  it('takes the closest reference length, shorter on ties, skipping empty references after the first', () => {
    // hyp 3 words; refs of 2 and 4 words are equally close -> 2; BP = 1 since 3 > 2.
    const r = bleuMteval(['a b c'], [['a b c d', 'a b', '']]);
    expect(r.details?.refLength).toBe(2);
  });
  it('rejects missing references and mismatched counts with typed errors', () => {
    expect(() => bleuMteval(['a'], [[]])).toThrow(MetricInputError);
    expect(() => bleuMteval(['a', 'b'], [['a']])).toThrow(/2 reference groups/);
  });
});

describe('mteval-v13a NIST', () => {
  it('weights matched n-grams by information from all references', () => {
    // refs: "a b" and "a c" (two segments). Counts: a=2, b=1, c=1, total 4 words.
    // info(a) = log2(4/2) = 1, info(b) = log2(4/1) = 2, info(a b) = log2(2/1) = 1.
    // hyp1 "a b" matches a, b, a b: unigram info 3 / 2 words, bigram info 1 / 1 bigram = 2.5.
    const r = nistMteval(['a b', 'a c'], [['a b'], ['a c']]);
    expect(r.segments[0]).toBeCloseTo(1.5 + 1, 12);
    expect(r.score).toBeCloseTo((1 + 2 + 1 + 2) / 4 + (1 + 1) / 2, 12);
  });
  it('applies the length penalty below the average reference length', () => {
    const r = nistMteval(['a'], [['a b']]);
    const beta = -Math.log(0.5) / Math.log(1.5) ** 2;
    expect(r.score).toBeCloseTo(1 * Math.exp(-beta * Math.log(0.5) ** 2), 12);
  });
});

describe('multi-bleu.perl', () => {
  it('gives 0 without smoothing when a precision is zero, and counts empty references', () => {
    expect(multiBleu(['a b c'], [['a b c d']]).score).toBe(0);
    // hyp 4 words, refs of 10 words and an empty line: the empty line (0) is closer.
    const r = multiBleu(['a b c d', 'w x y z'], [['a b c d e f g h i j', ''], ['w x y z']]);
    expect(r.details?.refLength).toBe(4);
    expect(r.score).toBeCloseTo(1, 12);
    // A corpus whose closest references are all empty has BLEU 0 (multi-bleu prints 0 and exits).
    expect(multiBleu(['a b c d'], [['a b c d e f g h i j', '']]).score).toBe(0);
  });
  it('lower-cases ASCII with -lc and clips counts by the best reference', () => {
    const r = multiBleu(['The the the the'], [['the cat', 'THE THE']], { lowercase: true });
    const precisions = r.details?.precisions as number[];
    expect(precisions[0]).toBeCloseTo(2 / 4, 12);
  });
});

describe('mteval statistics cache (BLEU and NIST of one system share them)', () => {
  const refs = [['the cat sat on the mat', 'a cat was on the mat'], ['there is a dog']];
  const a = ['the cat sat on a mat', 'a dog is there'];
  const b = ['on the mat sat the cat', 'there is a dog'];
  it('gives each system its own statistics in any call order', () => {
    const nistA = nistMteval(a, refs).score;
    const bleuB = bleuMteval(b, refs).score;
    const nistB = nistMteval(b, refs).score;
    expect(nistMteval(a, refs).score).toBe(nistA);
    expect(bleuMteval(b, refs).score).toBe(bleuB);
    expect(nistB).not.toBe(nistA);
    // Hand count: hyp 1 matches 6/3/1/0 n-grams of orders 1-4 (ref 1), hyp 2 matches all 4/3/2/1.
    expect(bleuMteval(b, refs).details?.matches).toEqual([10, 6, 3, 1]);
  });
  it('returns detail arrays the caller may change without affecting later results', () => {
    const first = nistMteval(a, refs);
    (first.details as { hypInfo: number[] }).hypInfo.fill(0);
    expect(nistMteval(a, refs).score).toBe(first.score);
  });
});

describe('countNgrams', () => {
  it('counts every order and keeps first-occurrence order per table', () => {
    const t = countNgrams(['a', 'b', 'a', 'b', 'c'], 3);
    expect([...(t[0] as Map<string, number>)]).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
    ]);
    expect([...(t[1] as Map<string, number>)]).toEqual([
      ['a b', 2],
      ['b a', 1],
      ['b c', 1],
    ]);
    expect([...(t[2] as Map<string, number>)]).toEqual([
      ['a b a', 1],
      ['b a b', 1],
      ['a b c', 1],
    ]);
    expect(countNgrams(['x'], 4).map((m) => m.size)).toEqual([1, 0, 0, 0]);
  });
});

// Unit tests of generation's host-side pieces: BeamHypotheses (HF <= 4.35 rules incl. ties),
// the no-repeat n-gram rule, log-softmax, and the sampling warpers and draw.
import { CpuBackend } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { BeamHypotheses } from '../src/generate/beam-hypotheses';
import { resolveGenerateOptions } from '../src/generate/generate-options';
import { logSoftmax, noRepeatNgramBans } from '../src/generate/logits-processors';
import { sampleToken, seededRandom, warpScores } from '../src/generate/sampling';
import { goldens, loadTinyModel } from './model-fixtures';

describe('BeamHypotheses', () => {
  it('normalises by the full length, keeps the K best and drops the earliest of equal lowest', () => {
    const hypotheses = new BeamHypotheses(2, 1);
    hypotheses.add([1, 2], -2); // -1
    hypotheses.add([1, 2, 3, 4], -2); // -0.5
    hypotheses.add([5, 6], -2); // -1: not better than worst (-1): rejected
    expect(hypotheses.size).toBe(2);
    hypotheses.add([7, 8, 9, 10], -2); // -0.5 > worst: added, drops the -1
    expect(hypotheses.best().tokens).toEqual([7, 8, 9, 10]); // tie at -0.5: the last added wins
    expect(hypotheses.isDone(-1.9, 4)).toBe(false); // worst -0.5 < -1.9 / 4
    expect(hypotheses.isDone(-2.5, 4)).toBe(true); // worst -0.5 >= -2.5 / 4
  });

  it('is done only with K hypotheses and worst >= best candidate / current length', () => {
    const hypotheses = new BeamHypotheses(2, 1);
    hypotheses.add([1, 2], -1); // -0.5
    expect(hypotheses.isDone(-100, 2)).toBe(false);
    hypotheses.add([1, 2], -2); // -1
    expect(hypotheses.isDone(-2.5, 2)).toBe(true); // worst -1 >= -2.5 / 2
    expect(hypotheses.isDone(-1.5, 2)).toBe(false); // worst -1 < -1.5 / 2
  });

  it('applies lengthPenalty as an exponent of the full length', () => {
    const hypotheses = new BeamHypotheses(1, 2);
    hypotheses.add([1, 2, 3], -9);
    expect(hypotheses.best().score).toBe(-1);
  });
});

describe('logits processors and sampling', () => {
  it('bans the token that would repeat an n-gram', () => {
    expect(noRepeatNgramBans([1, 2, 3, 1, 2], 3)).toEqual([3]);
    expect(noRepeatNgramBans([1, 2, 1, 3, 1], 2)).toEqual([2, 3]);
    expect(noRepeatNgramBans([4, 4], 3)).toEqual([]);
    expect(noRepeatNgramBans([4], 3)).toEqual([]);
  });

  it('log-softmax sums to one in probability and keeps -Infinity', () => {
    const out = logSoftmax([1, 2, 3, -Infinity]);
    expect(out.reduce((total, value) => total + Math.exp(value), 0)).toBeCloseTo(1, 6);
    expect(out[3]).toBe(-Infinity);
    expect(out[2]! - out[1]!).toBeCloseTo(1, 6);
  });

  it('top-k keeps ties with the k-th, top-p keeps the token that crosses p, temperature divides', () => {
    const topK = Float64Array.from([1, 3, 3, 2, 0]);
    warpScores(topK, { temperature: 1, topK: 2, topP: 1 });
    expect(Array.from(topK)).toEqual([-Infinity, 3, 3, -Infinity, -Infinity]);
    const probabilities = [0.5, 0.3, 0.15, 0.05];
    const topP = Float64Array.from(probabilities.map(Math.log));
    warpScores(topP, { temperature: 1, topK: 0, topP: 0.7 });
    expect(Array.from(topP).map((value) => value > -Infinity)).toEqual([true, true, false, false]);
    const hot = Float64Array.from([2, 4]);
    warpScores(hot, { temperature: 2, topK: 0, topP: 1 });
    expect(Array.from(hot)).toEqual([1, 2]);
  });

  it('draws tokens with the softmax probabilities (20000 seeded draws)', async () => {
    const model = await loadTinyModel(new CpuBackend());
    const options = resolveGenerateOptions({ doSample: true }, model.config);
    const probabilities = [0.5, 0.3, 0.2];
    const random = seededRandom(3);
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 20000; draw++)
      counts[sampleToken(probabilities.map(Math.log), options, random)]!++;
    counts.forEach((count, index) => {
      expect(Math.abs(count / 20000 - probabilities[index]!)).toBeLessThan(0.015);
    });
    expect(goldens.eos_token_id).toBe(model.config.eos_token_id);
  });
});

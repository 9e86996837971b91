import { describe, expect, it } from 'vitest';
import { chooseLearningRate } from '../src/plan/choose-learning-rate';

describe('chooseLearningRate', () => {
  it('keeps the highest dev BLEU and says whether it is at an end of the grid', () => {
    const points = [
      { learningRate: 0.001, devBleu: 20.1, devLoss: 1.5 },
      { learningRate: 0.003, devBleu: 24.3, devLoss: 1.6 },
      { learningRate: 0.01, devBleu: 22.0, devLoss: 1.4 },
    ];
    expect(chooseLearningRate(points)).toEqual({ learningRate: 0.003, atGridEdge: false });
    expect(chooseLearningRate(points.slice(1))).toEqual({ learningRate: 0.003, atGridEdge: true });
  });

  it('breaks a BLEU tie by the lower dev loss, then by the smaller rate', () => {
    expect(
      chooseLearningRate([
        { learningRate: 0.01, devBleu: 0.5, devLoss: 1.2 },
        { learningRate: 0.001, devBleu: 0.5, devLoss: 1.3 },
      ]).learningRate,
    ).toBe(0.01);
    expect(
      chooseLearningRate([
        { learningRate: 0.01, devBleu: 0.5, devLoss: null },
        { learningRate: 0.003, devBleu: 0.5 },
      ]).learningRate,
    ).toBe(0.003);
  });

  it('takes a single rate as it is, and refuses none', () => {
    expect(chooseLearningRate([{ learningRate: 0.1, devBleu: 0 }])).toEqual({
      learningRate: 0.1,
      atGridEdge: false,
    });
    expect(() => chooseLearningRate([])).toThrow(/no learning rate/);
  });
});

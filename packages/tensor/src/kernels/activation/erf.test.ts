// The reference erf/erfc against published values (A&S table 7.1 / any math library), and the
// exact GELU reference against values of x Phi(x) from the standard normal table.
import { describe, expect, it } from 'vitest';
import { geluExact, geluExactGrad } from './activation.reference';
import { erf, erfc } from './erf';

describe('reference erf / erfc', () => {
  it('matches known values on both branches, including the far tail of erfc', () => {
    const known: [number, number, number][] = [
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [1, 0.8427007929497149, 0.15729920705028513],
      [2, 0.9953222650189527, 0.004677734981047265],
      [3, 0.9999779095030014, 2.2090496998585438e-5],
      [3.5, 0.9999992569016276, 7.430983723414128e-7],
      [5, 0.9999999999984626, 1.5374597944280351e-12],
      [10, 1, 2.088487583762545e-45],
    ];
    for (const [x, e, c] of known) {
      expect(erf(x)).toBeCloseTo(e, 14);
      expect(erf(-x)).toBeCloseTo(-e, 14);
      expect(Math.abs(erfc(x) - c) / c).toBeLessThan(1e-12);
      expect(erfc(-x)).toBeCloseTo(2 - c, 14);
    }
    expect(erf(0)).toBe(0);
    expect(Number.isNaN(erf(Number.NaN))).toBe(true);
  });
  it('exact GELU is x Phi(x) and its derivative matches a central difference', () => {
    expect(geluExact(1)).toBeCloseTo(0.8413447460685429, 14); // Phi(1)
    expect(geluExact(-1)).toBeCloseTo(-0.15865525393145707, 14);
    expect(geluExact(-10)).toBeCloseTo(-10 * 7.61985302416047e-24, 35);
    for (const x of [-4, -1.3, 0, 0.7, 2.9, 3.1]) {
      const h = 1e-6;
      const numeric = (geluExact(x + h) - geluExact(x - h)) / (2 * h);
      expect(geluExactGrad(x)).toBeCloseTo(numeric, 8);
    }
  });
});

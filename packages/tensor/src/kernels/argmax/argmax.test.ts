// Conformance: argmaxRows on WebGPU vs the reference (exact), on odd shapes (one column, fewer
// columns than lanes, GPT-2's vocabulary), with exclusions that hit each row's maximum, ties,
// NaN (first and elsewhere) and rows that are all -Infinity; and the op's host-side checks.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { tensor } from '../../create';
import { argmaxRows } from '../../ops/argmax';

const shapes: [number, number][] = [
  [1, 1],
  [3, 5],
  [2, 63],
  [7, 65],
  [5, 1000],
  [2, 50257],
];

/** Seeded values with planted ties, NaNs and -Infinity rows, and exclusions of each row's max. */
function hardCase(rows: number, cols: number, seed: number) {
  const x = f32(rows * cols, seed, -5, 5);
  const exclude = new Int32Array(rows * 3).fill(-1);
  for (let row = 0; row < rows; row++) {
    const base = row * cols;
    let best = 0;
    for (let c = 1; c < cols; c++) if (x[base + c]! > x[base + best]!) best = c;
    if (cols > 4) {
      x[base + cols - 1] = x[base + best]!; // a tie after the maximum
      exclude[row * 3] = best; // the maximum is banned: the tie (or the runner-up) wins
      exclude[row * 3 + 1] = (best + 7) % cols;
    }
    if (row % 4 === 1 && cols > 2) x[base + 2] = Number.NaN;
    if (row % 4 === 2) x[base] = Number.NaN;
    if (row % 4 === 3) x.fill(Number.NEGATIVE_INFINITY, base, base + cols);
  }
  return { x, exclude };
}

describe('argmaxRows: WebGPU vs reference', () => {
  for (const [rows, cols] of shapes) {
    it(`[${rows}, ${cols}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const { x, exclude } = hardCase(rows, cols, rows * 31 + cols);
      await expectKernelMatches(gpu, 'argmaxRows', {
        label: `[${rows}, ${cols}]`,
        inputs: [x, exclude],
        outputs: [new Int32Array(rows)],
        uniforms: { rows, cols, excludeCount: 3, negativeInfinity: Number.NEGATIVE_INFINITY },
      });
    });
  }
});

describe('argmaxRows op', () => {
  const backend = new CpuBackend();

  it('takes the first maximum, skips excluded columns and never picks NaN', async () => {
    const x = tensor([3, 9, 9, 1, 2, Number.NaN, 8, 8, Number.NaN, 4, 5, 6], [3, 4], { backend });
    const plain = argmaxRows(x);
    expect(Array.from(await plain.data())).toEqual([1, 2, 0]);
    const banned = argmaxRows(x, { exclude: [[1], [], [1, 2, 3]] });
    expect(Array.from(await banned.data())).toEqual([2, 2, 0]);
  });

  it('refuses an exclusion outside the row and a list per row missing', () => {
    const x = tensor([1, 2, 3, 4], [2, 2], { backend });
    expect(() => argmaxRows(x, { exclude: [[2], []] })).toThrow(/exclude\[0\]\[0\]/);
    expect(() => argmaxRows(x, { exclude: [[0]] })).toThrow(/one list per row/);
  });
});

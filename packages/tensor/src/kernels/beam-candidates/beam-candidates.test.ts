// Conformance: beamCandidates on WebGPU vs the reference, on odd shapes (one beam, fewer columns
// than candidates, GPT-2's vocabulary), with exclusions that hit the best tokens, exact ties in
// a beam (decided by the lower flat index) and a beam at -Infinity; and the op's checks.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { tensor } from '../../create';
import { beamCandidates } from '../../ops/beam-candidates';

// [rows, beams, cols, count]
const shapes: [number, number, number, number][] = [
  [1, 1, 1, 1],
  [2, 1, 7, 2],
  [3, 2, 5, 4],
  [2, 5, 65, 10],
  [1, 8, 1000, 16],
  [2, 5, 50257, 10],
];

function hardCase(rows: number, beams: number, cols: number, seed: number) {
  // Quarter steps make exact ties inside a beam; scores far apart keep beams from near-ties.
  const logits = f32(rows * beams * cols, seed, -8, 8).map((x) => Math.round(x * 4) / 4);
  const beamScores = Float32Array.from({ length: rows * beams }, (_, r) => -3.37 * (r % beams));
  const exclude = new Int32Array(rows * beams * 2).fill(-1);
  for (let r = 0; r < rows * beams; r++) {
    const base = r * cols;
    let best = 0;
    for (let v = 1; v < cols; v++) if (logits[base + v]! > logits[base + best]!) best = v;
    if (cols > 3) exclude[r * 2] = best;
  }
  if (rows * beams > 3) beamScores[3] = Number.NEGATIVE_INFINITY;
  return { logits, beamScores, exclude };
}

describe('beamCandidates: WebGPU vs reference', () => {
  for (const [rows, beams, cols, count] of shapes) {
    it(`${rows} rows x ${beams} beams x ${cols}, best ${count}`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const { logits, beamScores, exclude } = hardCase(rows, beams, cols, rows + beams + cols);
      await expectKernelMatches(gpu, 'beamCandidates', {
        label: `[${rows}, ${beams}, ${cols}] top ${count}`,
        inputs: [logits, beamScores, exclude],
        outputs: [rows * count, new Int32Array(rows * count)],
        uniforms: {
          rows,
          beams,
          cols,
          excludeCount: 2,
          count,
          negativeInfinity: Number.NEGATIVE_INFINITY,
        },
        constants: { count },
      });
    });
  }
});

describe('beamCandidates op', () => {
  const backend = new CpuBackend();

  it('scores log-probabilities plus beam scores and orders ties by flat index', async () => {
    const logits = tensor([0, 0, Math.log(2), 1, 1, 1], [2, 3], { backend });
    const { scores, flat } = beamCandidates(logits, {
      beams: 2,
      count: 4,
      beamScores: [0, -0.5],
      exclude: [[2], []],
    });
    // Beam 0: log_softmax of (0, 0, log 2) = log(1/4), log(1/4), banned; beam 1: log(1/3) - 0.5.
    // Ties (0 and 1; 3, 4 and 5) go to the lower flat index.
    expect(Array.from(await flat.data())).toEqual([0, 1, 3, 4]);
    const got = Array.from(await scores.data());
    const third = Math.log(1 / 3) - 0.5;
    const want = [Math.log(1 / 4), Math.log(1 / 4), third, third];
    for (const [k, score] of got.entries()) expect(score).toBeCloseTo(want[k]!, 6);
  });

  it('refuses more beams or candidates than the kernel keeps, and scores per beam missing', () => {
    const logits = tensor(new Float32Array(18), [9, 2], { backend });
    expect(() =>
      beamCandidates(logits, { beams: 9, count: 2, beamScores: new Array(9).fill(0) }),
    ).toThrow(/beams/);
    expect(() =>
      beamCandidates(logits, { beams: 3, count: 17, beamScores: new Array(9).fill(0) }),
    ).toThrow(/count/);
    expect(() => beamCandidates(logits, { beams: 3, count: 6, beamScores: [0] })).toThrow(
      /beamScores/,
    );
  });
});

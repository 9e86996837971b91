// The tuned matmul on the shapes that used to leave its fast path: GPT-2's LM head has
// V = 50257 (not a multiple of 4), so dh = dlogits @ wte has a ragged K and dwte = dlogits^T @ h
// a transposed A with ragged M. Here at small M and N (fast on lavapipe) with K up to 50257,
// every transpose combination, ragged batch strides, and the path the shader reports taking
// (the `reportPath` constant) against matmulPathOf.
// Inputs are multiples of 1/4 in [-1, 1], so every partial sum (a multiple of 1/16 below 2^20)
// is exact in f32 and any summation order must give the reference's value exactly.
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { matmul, matmulNaive } from './matmul.spec';
import {
  type Case,
  caseData,
  describeCase,
  expectClose,
  runOnDevice,
  seededValues,
  transposes,
} from './matmul.test-support';
import { MATMUL_PATHS, matmulPathOf } from './matmul-blocked.wgsl';

/** Seeded multiples of 1/4 in [-1, 1]. */
function quarterValues(length: number, seed: number): Float32Array {
  return seededValues(length, seed).map((value) => Math.round(value * 4) / 4);
}

const exact = { atol: 0, rtol: 0 };

// [M, N, K]: ragged K (257, 1023, 50257, and 50257 - 1 and - 2 for the other remainders) with
// small ragged or aligned M and N; ragged M and N with aligned K.
const shapes: [number, number, number][] = [
  [20, 12, 50257],
  [5, 37, 50257],
  [17, 8, 50255],
  [3, 4, 50254],
  [33, 65, 257],
  [16, 128, 1023],
  [257, 8, 64],
  [1023, 12, 16],
  [20, 257, 32],
  [18, 1021, 8],
];
const cases: Case[] = [];
for (const [M, N, K] of shapes)
  for (const [transposeA, transposeB] of transposes)
    cases.push({ batch: 1, M, N, K, transposeA, transposeB });
// Batch strides that are not multiples of 4 (M*K, K*N, M*N odd), one with a broadcast operand.
for (const [transposeA, transposeB] of transposes) {
  cases.push({ batch: 3, M: 7, N: 9, K: 1023, transposeA, transposeB });
  cases.push({ batch: 2, M: 9, N: 5, K: 257, transposeA, transposeB, broadcastB: true });
}

describe('tuned matmul on ragged (GPT-2 LM-head-like) shapes', () => {
  it(`matches matmulReference exactly on ${cases.length} cases`, async (context) => {
    const backend = await getWebGpuBackend(context);
    for (const [caseIndex, test] of cases.entries()) {
      const data = caseData(test, caseIndex, quarterValues);
      const got = await runOnDevice(backend, matmul, data);
      expectClose(got, data.want, exact, `matmul: ${describeCase(test)}`);
    }
  });

  it('takes the path matmulPathOf names, and a fast one whenever the device has subgroups', async (context) => {
    const backend = await getWebGpuBackend(context);
    const constants = backend.deviceConstants;
    const taken: string[] = [];
    for (const [caseIndex, test] of cases.entries()) {
      const data = caseData({ ...test, K: Math.min(test.K, 1023) }, caseIndex);
      const path = matmulPathOf(data.uniforms, constants);
      const got = await runOnDevice(backend, matmul, data, { reportPath: 1 });
      const label = `${describeCase(test)}: expected path ${path}`;
      expect(new Set(got), label).toEqual(new Set([MATMUL_PATHS[path]]));
      taken.push(path);
    }
    if (constants.subgroupSize) {
      expect(taken).not.toContain('generic');
      expect(taken).toContain('ragged');
    } else {
      expect(new Set(taken)).toEqual(new Set(['generic']));
    }
    // And the shapes of the LM head itself (V = 50257, C = 128, 512 rows): only the forward
    // product (B^T, K = C) is aligned.
    const lmHead = (M: number, N: number, K: number, transposeA: number, transposeB: number) =>
      matmulPathOf(
        { batch: 1, M, N, K, transposeA, transposeB, strideA: 0, strideB: 0, strideC: 0 },
        { subgroupSize: 8 },
      );
    expect(lmHead(512, 50257, 128, 0, 1)).toBe('aligned');
    expect(lmHead(512, 128, 50257, 0, 0)).toBe('ragged');
    expect(lmHead(50257, 128, 512, 1, 0)).toBe('ragged');
    expect(lmHead(50257, 128, 512, 1, 1)).not.toBe('generic');
  });

  it('agrees with the naive kernel and the generic path on a K = 50257 product', async (context) => {
    const backend = await getWebGpuBackend(context);
    const test: Case = { batch: 1, M: 9, N: 130, K: 50257, transposeA: 0, transposeB: 0 };
    const data = caseData(test, 99, quarterValues);
    for (const [name, run] of [
      ['naive', () => runOnDevice(backend, matmulNaive, data)],
      ['generic', () => runOnDevice(backend, matmul, data, { subgroupSize: 0 })],
      ['fast', () => runOnDevice(backend, matmul, data)],
    ] as const)
      expectClose(await run(), data.want, exact, `${name}: ${describeCase(test)}`);
  });
});

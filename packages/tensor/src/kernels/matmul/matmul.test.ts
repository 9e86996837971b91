// Conformance of both WGSL matmul kernels with matmul.reference.ts (the llm.c chain of trust):
// odd sizes that are not multiples of any tile (1, 3, 7, 33, 65, 257), rectangular shapes,
// vec4-aligned shapes (the tuned kernel's subgroup fast path), every transpose combination,
// batches with and without broadcast operands, and a batch large enough to spill into dispatch z.
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { UniformValues } from '../kernel-spec';
import { matmulReference } from './matmul.reference';
import { matmul, matmulNaive } from './matmul.spec';

/** Seeded uniform values in [-1, 1) (mulberry32), so a failure reproduces. */
function seededValues(length: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const values = new Float32Array(length);
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    values[index] = (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  }
  return values;
}

interface Case {
  batch: number;
  M: number;
  N: number;
  K: number;
  transposeA: number;
  transposeB: number;
  broadcastA?: boolean;
  broadcastB?: boolean;
}

function uniformsOf(test: Case): UniformValues {
  const { batch, M, N, K, transposeA, transposeB } = test;
  return {
    batch,
    M,
    N,
    K,
    transposeA,
    transposeB,
    strideA: test.broadcastA ? 0 : M * K,
    strideB: test.broadcastB ? 0 : K * N,
    strideC: M * N,
  };
}

/** Element-wise |got - want| <= atol + rtol * |want|; the message lists the first mismatches. */
function expectClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tolerance: { atol: number; rtol: number },
  label: string,
) {
  expect(got.length).toBe(want.length);
  const mismatches: string[] = [];
  let maxDifference = 0;
  for (let index = 0; index < want.length; index++) {
    const difference = Math.abs((got[index] as number) - (want[index] as number));
    maxDifference = Math.max(maxDifference, Number.isNaN(difference) ? Infinity : difference);
    const bound = tolerance.atol + tolerance.rtol * Math.abs(want[index] as number);
    if (!(difference <= bound) && mismatches.length < 5) {
      mismatches.push(`[${index}] got ${got[index]} want ${want[index]}`);
    }
  }
  expect(
    mismatches,
    `${label}: max |diff| ${maxDifference}; first mismatches: ${mismatches.join(', ')}`,
  ).toEqual([]);
}

const oddShapes: [number, number, number][] = [
  [1, 1, 1],
  [3, 3, 3],
  [7, 7, 7],
  [33, 33, 33],
  [65, 65, 65],
  [257, 257, 257],
  [1, 7, 33],
  [7, 1, 65],
  [33, 65, 3],
  [65, 3, 257],
  [257, 33, 7],
  [3, 257, 1],
];
// Multiples of 4 in every dimension (fast path), with M not a multiple of the 16-row tile.
const alignedShapes: [number, number, number][] = [
  [4, 4, 4],
  [36, 20, 68],
  [64, 128, 32],
  [100, 64, 260],
  [20, 768, 12],
];
const transposes = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

const cases: Case[] = [];
for (const [M, N, K] of [...oddShapes, ...alignedShapes]) {
  for (const [transposeA, transposeB] of transposes)
    cases.push({ batch: 1, M, N, K, transposeA, transposeB });
}
for (const [transposeA, transposeB] of transposes) {
  cases.push({ batch: 5, M: 7, N: 33, K: 65, transposeA, transposeB });
  cases.push({ batch: 3, M: 33, N: 7, K: 3, transposeA, transposeB, broadcastA: true });
  cases.push({ batch: 3, M: 36, N: 40, K: 8, transposeA, transposeB, broadcastB: true });
  cases.push({ batch: 4, M: 20, N: 8, K: 12, transposeA, transposeB, broadcastA: true });
}

function describeCase(test: Case): string {
  const flags = `${test.transposeA ? 'A^T' : 'A'} ${test.transposeB ? 'B^T' : 'B'}`;
  const broadcast = test.broadcastA ? ' broadcast A' : test.broadcastB ? ' broadcast B' : '';
  return `batch ${test.batch} (${test.M}x${test.K}) @ (${test.K}x${test.N}) ${flags}${broadcast}`;
}

describe.each([matmulNaive, matmul])('$name vs matmulReference', (spec) => {
  it(`matches on ${cases.length} odd, aligned, transposed and batched shapes`, async (context) => {
    const backend = await getWebGpuBackend(context);
    for (const [caseIndex, test] of cases.entries()) {
      const { batch, M, N, K } = test;
      const aValues = seededValues((test.broadcastA ? 1 : batch) * M * K, 2 * caseIndex + 1);
      const bValues = seededValues((test.broadcastB ? 1 : batch) * K * N, 2 * caseIndex + 2);
      const want = new Float64Array(batch * M * N);
      const uniforms = uniformsOf(test);
      matmulReference([aValues, bValues], [want], uniforms);
      const a = backend.allocate(aValues.length, 'f32');
      const b = backend.allocate(bValues.length, 'f32');
      const c = backend.allocate(want.length, 'f32');
      backend.write(a, aValues);
      backend.write(b, bValues);
      backend.write(c, new Float32Array(want.length).fill(Number.NaN)); // every element must be written
      backend.runSpec(spec, { inputs: [a, b], outputs: [c], uniforms });
      expectClose(
        await backend.read(c),
        want,
        spec.tolerance,
        `${spec.name}: ${describeCase(test)}`,
      );
      for (const buffer of [a, b, c]) backend.release(buffer);
    }
  });

  it('splits more than 65535 row groups over dispatch y and z', async (context) => {
    const backend = await getWebGpuBackend(context);
    // One row per batch: the naive kernel needs 16 * 65535 rows before spilling into z.
    const batch = spec.name === 'matmulNaive' ? 16 * 65535 + 5 : 2 * 65535 + 5;
    const test: Case = { batch, M: 1, N: 1, K: 2, transposeA: 0, transposeB: 0 };
    const uniforms = uniformsOf(test);
    const [x, y, z] = spec.dispatch(uniforms, backend.deviceConstants);
    expect(x).toBe(1);
    expect(y).toBeLessThanOrEqual(65535);
    expect(z).toBeGreaterThan(1);
    const aValues = seededValues(batch * 2, 7);
    const bValues = seededValues(batch * 2, 8);
    const want = new Float64Array(batch);
    matmulReference([aValues, bValues], [want], uniforms);
    const a = backend.allocate(aValues.length, 'f32');
    const b = backend.allocate(bValues.length, 'f32');
    const c = backend.allocate(batch, 'f32');
    backend.write(a, aValues);
    backend.write(b, bValues);
    backend.run(spec.name === 'matmul' ? 'matmul' : 'matmulNaive', {
      inputs: [a, b],
      outputs: [c],
      uniforms,
    });
    expectClose(await backend.read(c), want, spec.tolerance, `${spec.name}: batch ${batch}`);
    for (const buffer of [a, b, c]) backend.release(buffer);
  });
});

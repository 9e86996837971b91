// Conformance of both WGSL matmul kernels with matmul.reference.ts (the llm.c chain of trust):
// odd sizes that are not multiples of any tile (1, 3, 7, 33, 65, 257), rectangular shapes,
// vec4-aligned shapes (the tuned kernel's aligned fast path; the odd ones take its ragged fast
// path), every transpose combination, batches with and without broadcast operands, and a batch
// large enough to spill into dispatch z; the tuned kernel's generic path (no subgroups) on the
// same cases; the smaller tiles that products with few rows get (matmulTileConstants) on the
// same cases, fast and generic paths. GPT-2 LM-head shapes and the path each takes:
// matmul-ragged.test.ts.
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { matmulReference } from './matmul.reference';
import { matmul, matmulNaive } from './matmul.spec';
import {
  type Case,
  caseData,
  describeCase,
  expectClose,
  runOnDevice,
  seededValues,
  transposes,
  uniformsOf,
} from './matmul.test-support';
import { matmulTileConstants } from './matmul-blocked.wgsl';

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

describe.each([matmulNaive, matmul])('$name vs matmulReference', (spec) => {
  it(`matches on ${cases.length} odd, aligned, transposed and batched shapes`, async (context) => {
    const backend = await getWebGpuBackend(context);
    for (const [caseIndex, test] of cases.entries()) {
      const data = caseData(test, caseIndex);
      const got = await runOnDevice(backend, spec, data);
      expectClose(got, data.want, spec.tolerance, `${spec.name}: ${describeCase(test)}`);
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

describe('matmul generic path (built without subgroups) vs matmulReference', () => {
  it(`matches on the same ${cases.length} cases`, async (context) => {
    const backend = await getWebGpuBackend(context);
    for (const [caseIndex, test] of cases.entries()) {
      const data = caseData(test, caseIndex);
      const got = await runOnDevice(backend, matmul, data, { subgroupSize: 0 });
      expectClose(got, data.want, matmul.tolerance, `generic: ${describeCase(test)}`);
    }
  });
});

describe('matmul with the small tiles of products with few rows', () => {
  const tiles = [matmulTileConstants(1), matmulTileConstants(8)];

  it('picks 4 rows up to M = 4, 8 up to 8, else the default', () => {
    expect(matmulTileConstants(1)).toEqual({ matmulRows: 4, matmulWorkgroupRows: 1 });
    expect(matmulTileConstants(4)).toEqual({ matmulRows: 4, matmulWorkgroupRows: 1 });
    expect(matmulTileConstants(5)).toEqual({ matmulRows: 8, matmulWorkgroupRows: 1 });
    expect(matmulTileConstants(9)).toEqual({});
    expect(
      matmul.dispatch({ batch: 1, M: 1, N: 50257, K: 128 }, { subgroupSize: 8, ...tiles[0] }),
    ).toEqual([1571, 1, 1]);
    expect(() => matmul.wgsl({ subgroupSize: 8, matmulRows: 2 })).toThrowError(
      /matmulRows: expected one of 4, 8, 16, got 2/,
    );
    expect(() => matmul.wgsl({ matmulWorkgroupRows: 3 })).toThrowError(
      /matmulWorkgroupRows: expected 1 or 2, got 3/,
    );
  });

  for (const tile of tiles) {
    it(`matches on the same cases with ${JSON.stringify(tile)} (fast and generic paths)`, async (context) => {
      const backend = await getWebGpuBackend(context);
      for (const [caseIndex, test] of cases.entries()) {
        const data = caseData(test, caseIndex);
        const fast = await runOnDevice(backend, matmul, data, tile);
        expectClose(
          fast,
          data.want,
          matmul.tolerance,
          `${JSON.stringify(tile)}: ${describeCase(test)}`,
        );
        const generic = await runOnDevice(backend, matmul, data, { ...tile, subgroupSize: 0 });
        expectClose(
          generic,
          data.want,
          matmul.tolerance,
          `generic ${JSON.stringify(tile)}: ${describeCase(test)}`,
        );
      }
    });
  }
});

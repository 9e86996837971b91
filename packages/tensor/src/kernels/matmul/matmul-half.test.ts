// Conformance of matmulHalfB (B stored as binary16 pairs) with its reference on odd shapes,
// both B layouts, batched and broadcast B, on the subgroup fast paths and the generic path; and
// the property the LM head relies on: on B values that binary16 holds exactly, it returns
// exactly what `matmul` returns on their f32 copy (same paths, same summation order). Also
// matmulHalfColumns, the single-row product from the k-major form, against its reference.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { f16ToFloat32, float32ToF16 } from '../../float-conversion';
import { kMajorHalfWords, packHalfIfExact } from '../../ops/half-matrix';
import { matmulTileConstants } from './matmul-blocked.wgsl';

/** `count` seeded values rounded to binary16, as f32. */
function halfValues(count: number, seed: number): Float32Array {
  return f32(count, seed, -2, 2).map((value) => f16ToFloat32(float32ToF16(value)));
}

// [batch, M, N, K, transposeB, broadcastB]
const cases: [number, number, number, number, number, boolean][] = [
  [1, 1, 1, 1, 1, false],
  [1, 1, 33, 7, 1, false],
  [1, 3, 7, 65, 1, false],
  [1, 5, 257, 128, 1, false],
  [1, 8, 1001, 32, 1, false],
  [1, 7, 65, 33, 0, false],
  [1, 36, 20, 68, 0, false],
  [3, 5, 9, 12, 1, false],
  [2, 6, 10, 16, 1, true],
  [3, 4, 13, 11, 0, true],
];

describe('matmulHalfB', () => {
  it(`matches its reference on ${cases.length} shapes, fast and generic paths`, async (context) => {
    const gpu = await getWebGpuBackend(context);
    for (const [index, [batch, M, N, K, transposeB, broadcastB]] of cases.entries()) {
      const a = f32(batch * M * K, 100 + index);
      const b = halfValues((broadcastB ? 1 : batch) * N * K, 200 + index);
      const words = packHalfIfExact(b);
      expect(words, 'binary16 values pack').not.toBeNull();
      const uniforms = {
        batch,
        M,
        N,
        K,
        transposeA: 0,
        transposeB,
        strideA: M * K,
        strideB: broadcastB ? 0 : N * K,
        strideC: M * N,
      };
      for (const subgroups of [{}, { subgroupSize: 0 }] as Record<string, number>[])
        await expectKernelMatches(gpu, 'matmulHalfB', {
          label: `batch ${batch} [${M}, ${N}, ${K}] B${transposeB ? '^T' : ''}${broadcastB ? ' broadcast' : ''}${'subgroupSize' in subgroups ? ' generic' : ''}`,
          inputs: [a, words!],
          outputs: [batch * M * N],
          uniforms,
          constants: { ...matmulTileConstants(M), ...subgroups },
        });
    }
  }, 240_000);

  it('matmulHalfColumns matches its reference on odd shapes (k-major words)', async (context) => {
    const gpu = await getWebGpuBackend(context);
    for (const [index, [M, N, K]] of (
      [
        [1, 1, 1],
        [1, 7, 3],
        [1, 9, 130],
        [2, 65, 5],
        [3, 513, 16],
        [1, 50257, 8],
      ] as [number, number, number][]
    ).entries()) {
      const a = f32(M * K, 300 + index);
      const words = kMajorHalfWords(packHalfIfExact(halfValues(N * K, 400 + index))!, [N, K]);
      await expectKernelMatches(gpu, 'matmulHalfColumns', {
        label: `[${M}, ${N}, ${K}]`,
        inputs: [a, words],
        outputs: [M * N],
        uniforms: { M, N, K },
      });
    }
  }, 120_000);

  it('equals matmul on the f32 copy bit for bit (the LM head shape, odd rows)', async (context) => {
    const gpu = await getWebGpuBackend(context);
    for (const [M, N, K] of [
      [1, 1027, 128],
      [5, 515, 64],
      [8, 333, 36],
      [3, 101, 30],
    ] as const) {
      const a = f32(M * K, M + N);
      const b = halfValues(N * K, K + N);
      const uniforms = { batch: 1, M, N, K, transposeA: 0, transposeB: 1, strideA: 0 };
      const run = async (kernel: 'matmul' | 'matmulHalfB', bValues: Float32Array | Int32Array) => {
        const aBuffer = gpu.allocate(a.length, 'f32');
        const bBuffer = gpu.allocate(bValues.length, bValues instanceof Int32Array ? 'i32' : 'f32');
        const cBuffer = gpu.allocate(M * N, 'f32');
        gpu.write(aBuffer, a);
        gpu.write(bBuffer, bValues);
        gpu.run(kernel, {
          inputs: [aBuffer, bBuffer],
          outputs: [cBuffer],
          uniforms: { ...uniforms, strideB: 0, strideC: M * N },
          constants: matmulTileConstants(M),
        });
        const values = await gpu.read(cBuffer);
        for (const buffer of [aBuffer, bBuffer, cBuffer]) gpu.release(buffer);
        return Array.from(values);
      };
      expect(await run('matmulHalfB', packHalfIfExact(b)!), `[${M}, ${N}, ${K}]`).toEqual(
        await run('matmul', b),
      );
    }
  }, 120_000);
});

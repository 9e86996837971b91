// HalfMatrix and matmulHalfTransposed: which values pack (only exact binary16 ones), the packed
// layout, the product against matmul on the f32 copy (CPU and WebGPU), and the refusals.
import { describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../test/webgpu-fixture';
import { noGrad } from '../autograd/no-grad';
import { CpuBackend } from '../backends/cpu/cpu-backend';
import { tensor } from '../create';
import { f16ToFloat32, float32ToF16 } from '../float-conversion';
import { HalfMatrix, kMajorHalfWords, matmulHalfTransposed, packHalfIfExact } from './half-matrix';
import { matmul } from './matmul';

const halves = (values: number[]) => values.map((value) => f16ToFloat32(float32ToF16(value)));

describe('packHalfIfExact', () => {
  it('packs element e into word e / 2, low half first (odd lengths padded)', () => {
    const words = packHalfIfExact([1, -2, 0.5])!;
    expect(Array.from(words)).toEqual([(0xc000 << 16) | 0x3c00, 0x3800]);
  });

  it('refuses any value binary16 does not hold exactly, and non-finite ones', () => {
    expect(packHalfIfExact([1, 0.1])).toBeNull();
    expect(packHalfIfExact([70000])).toBeNull();
    expect(packHalfIfExact([1, Number.NaN])).toBeNull();
    expect(packHalfIfExact([Number.POSITIVE_INFINITY])).toBeNull();
    expect(packHalfIfExact([2 ** -24, -0, 65504])).not.toBeNull();
  });
});

describe('kMajorHalfWords', () => {
  it('lays column k out as a row of 8 * ceil(rows / 8) halves, zero-padded', () => {
    // [3, 2]: rows (1, 2), (3, 4), (5, 6) -> columns (1, 3, 5, 0 x 5) and (2, 4, 6, 0 x 5).
    const words = packHalfIfExact([1, 2, 3, 4, 5, 6])!;
    const columns = kMajorHalfWords(words, [3, 2]);
    const half = (value: number) => float32ToF16(value);
    expect(Array.from(columns)).toEqual([
      (half(3) << 16) | half(1),
      half(5),
      0,
      0,
      (half(4) << 16) | half(2),
      half(6),
      0,
      0,
    ]);
  });
});

async function backends(context: Parameters<typeof getWebGpuBackend>[0]) {
  return [['cpu', new CpuBackend()] as const, ['webgpu', await getWebGpuBackend(context)] as const];
}

describe('matmulHalfTransposed', () => {
  it('equals matmul(a, w, { transposeB: true }) on the f32 copy', async (context) => {
    for (const [name, backend] of await backends(context)) {
      for (const [rows, N, K] of [
        [[1], 37, 12],
        [[1, 1], 9, 7],
        [[2, 3], 101, 33],
        [[5], 64, 128],
      ] as [number[], number, number][]) {
        const M = rows.reduce((x, y) => x * y, 1);
        const wValues = halves(Array.from({ length: N * K }, (_, i) => Math.sin(i * 0.7) * 3));
        const aValues = Array.from({ length: M * K }, (_, i) => Math.cos(i * 1.3));
        const w = tensor(wValues, [N, K], { backend });
        const a = tensor(aValues, [...rows, K], { backend });
        const half = HalfMatrix.packIfExact(wValues, [N, K], { backend })!;
        const got = matmulHalfTransposed(a, half);
        expect(got.shape, name).toEqual([...rows, N]);
        const want = matmul(a, w, { transposeB: true });
        const [g, x] = [await got.data(), await want.data()];
        for (let i = 0; i < x.length; i++) expect(g[i], `${name} [${i}]`).toBeCloseTo(x[i]!, 5);
        for (const t of [w, a, got, want]) t.dispose();
        half.dispose();
      }
    }
  }, 120_000);

  it('returns null for inexact values and checks its arguments', () => {
    const backend = new CpuBackend();
    expect(HalfMatrix.packIfExact([0.1, 1], [1, 2], { backend })).toBeNull();
    expect(() => HalfMatrix.packIfExact([1, 2, 3], [2, 2], { backend })).toThrow(/4 values/);
    const half = HalfMatrix.packIfExact([1, 2, 3, 4], [2, 2], { backend })!;
    expect(() => matmulHalfTransposed(tensor([1, 2, 3], [1, 3], { backend }), half)).toThrow(
      /\[\.\.\., 2\]/,
    );
    const trained = tensor([1, 2], [1, 2], { backend });
    trained.requiresGrad = true;
    expect(() => matmulHalfTransposed(trained, half)).toThrow(/inference only/);
    const out = noGrad(() => matmulHalfTransposed(trained, half));
    expect(out.shape).toEqual([1, 2]);
  });

  it('gives zeros when K is 0', async () => {
    const backend = new CpuBackend();
    const half = HalfMatrix.packIfExact([], [3, 0], { backend })!;
    const out = matmulHalfTransposed(tensor([], [2, 0], { backend }), half);
    expect(Array.from(await out.data())).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

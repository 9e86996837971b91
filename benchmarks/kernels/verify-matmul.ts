// A correctness sweep for machines where the test suite cannot run (a lent GPU has no pnpm):
// the tuned `matmul` against the naive `matmulNaive` (the readable specification, itself tested
// against the CPU reference) on odd and vec4-aligned shapes, every transpose, with and without a
// broadcast batch. On a new device this exercises both subgroup fast paths (aligned, ragged) at
// its subgroup size.
import { matmulTileConstants } from '@prefixkit/tensor';
import type { WebGpuBackend } from '@prefixkit/tensor/node';
import { seededValues } from './seeded-values';

export interface VerificationReport {
  readonly cases: number;
  readonly maxAbsDifference: number;
  readonly failures: readonly string[];
}

const shapes: [number, number, number][] = [
  [1, 1, 1],
  [33, 65, 7],
  [257, 33, 65],
  [64, 128, 32],
  [100, 64, 260],
  [36, 20, 68],
  [20, 768, 12],
  // Ragged K, M and N (the tuned kernel's ragged fast path, as GPT-2's LM head with V = 50257).
  [20, 12, 1023],
  [1023, 8, 16],
  [18, 1021, 257],
  // Few rows (the small tiles of a decoding step: 4 rows up to M = 4, 8 up to 8).
  [3, 128, 1024],
  [6, 36, 257],
];

/** Runs both kernels on every case; a case fails when |tuned - naive| > 1e-4 + 1e-4 |naive|. */
export async function verifyMatmul(backend: WebGpuBackend): Promise<VerificationReport> {
  const failures: string[] = [];
  let cases = 0;
  let maxAbsDifference = 0;
  for (const [M, N, K] of shapes) {
    for (const [transposeA, transposeB] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ] as const) {
      for (const batch of [1, 3]) {
        cases += 1;
        const uniforms = {
          batch,
          M,
          N,
          K,
          transposeA,
          transposeB,
          strideA: batch > 1 ? 0 : M * K,
          strideB: K * N,
          strideC: M * N,
        };
        const a = backend.allocate(M * K, 'f32');
        const b = backend.allocate(batch * K * N, 'f32');
        const tuned = backend.allocate(batch * M * N, 'f32');
        const naive = backend.allocate(batch * M * N, 'f32');
        backend.write(a, seededValues(M * K, cases));
        backend.write(b, seededValues(batch * K * N, 1000 + cases));
        // With the tile the matmul op picks for M (small tiles for M <= 8).
        backend.run('matmul', {
          inputs: [a, b],
          outputs: [tuned],
          uniforms,
          constants: matmulTileConstants(M),
        });
        backend.run('matmulNaive', { inputs: [a, b], outputs: [naive], uniforms });
        const got = await backend.read(tuned);
        const want = await backend.read(naive);
        let worst = 0;
        let bad = 0;
        for (let index = 0; index < want.length; index++) {
          const difference = Math.abs((got[index] as number) - (want[index] as number));
          worst = Math.max(worst, Number.isNaN(difference) ? Infinity : difference);
          if (!(difference <= 1e-4 + 1e-4 * Math.abs(want[index] as number))) bad += 1;
        }
        maxAbsDifference = Math.max(maxAbsDifference, worst);
        if (bad > 0)
          failures.push(
            `batch ${batch} ${M}x${K} @ ${K}x${N} tA=${transposeA} tB=${transposeB}: ${bad} elements off, max |diff| ${worst}`,
          );
        for (const buffer of [a, b, tuned, naive]) backend.release(buffer);
      }
    }
  }
  return { cases, maxAbsDifference, failures };
}

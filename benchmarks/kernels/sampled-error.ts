// The benchmarks' check that a timed product is right: a few entries of C against the exact
// value summed in double.
import type { MatmulShape } from './matmul-shapes';

/** max |c - exact| over a few sampled entries, with the exact value summed in double. */
export function sampledError(
  c: Float32Array,
  a: Float32Array,
  b: Float32Array,
  shape: Pick<MatmulShape, 'M' | 'N' | 'K' | 'transposeA' | 'transposeB'>,
): number {
  const { M, N, K, transposeA, transposeB } = shape;
  let worst = 0;
  for (let sample = 0; sample < 16; sample++) {
    const m = (sample * 7919) % M;
    const n = (sample * 104729) % N;
    let sum = 0;
    for (let k = 0; k < K; k++)
      sum +=
        (a[transposeA ? k * M + m : m * K + k] as number) *
        (b[transposeB ? n * K + k : k * N + n] as number);
    worst = Math.max(worst, Math.abs(sum - (c[m * N + n] as number)));
  }
  return worst;
}

// Shared helpers of the matmul conformance tests (matmul.test.ts, matmul-ragged.test.ts):
// seeded inputs, the case description, one case run on the WebGPU backend against
// matmulReference, and an element-wise closeness check that names the first mismatches.
import { expect } from 'vitest';
import type { WebGpuBackend } from '../../backends/webgpu/webgpu-backend';
import type { KernelSpec, UniformValues } from '../kernel-spec';
import { matmulReference } from './matmul.reference';

/** Seeded uniform values in [-1, 1) (mulberry32), so a failure reproduces. */
export function seededValues(length: number, seed: number): Float32Array {
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

export interface Case {
  batch: number;
  M: number;
  N: number;
  K: number;
  transposeA: number;
  transposeB: number;
  broadcastA?: boolean;
  broadcastB?: boolean;
}

export function uniformsOf(test: Case): UniformValues {
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
export function expectClose(
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

export function describeCase(test: Case): string {
  const flags = `${test.transposeA ? 'A^T' : 'A'} ${test.transposeB ? 'B^T' : 'B'}`;
  const broadcast = test.broadcastA ? ' broadcast A' : test.broadcastB ? ' broadcast B' : '';
  return `batch ${test.batch} (${test.M}x${test.K}) @ (${test.K}x${test.N}) ${flags}${broadcast}`;
}

/** The four (transposeA, transposeB) combinations. */
export const transposes = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

/** Inputs of a case and the product matmulReference computes from them (in double). */
export function caseData(test: Case, seed: number, values = seededValues) {
  const { batch, M, N, K } = test;
  const aValues = values((test.broadcastA ? 1 : batch) * M * K, 2 * seed + 1);
  const bValues = values((test.broadcastB ? 1 : batch) * K * N, 2 * seed + 2);
  const want = new Float64Array(batch * M * N);
  const uniforms = uniformsOf(test);
  matmulReference([aValues, bValues], [want], uniforms);
  return { aValues, bValues, want, uniforms };
}

/** Runs `spec` on the inputs (C prefilled with NaN: every element must be written) and reads C. */
export async function runOnDevice(
  backend: WebGpuBackend,
  spec: KernelSpec,
  data: {
    aValues: Float32Array;
    bValues: Float32Array;
    want: Float64Array;
    uniforms: UniformValues;
  },
  constants?: UniformValues,
): Promise<Float32Array> {
  const a = backend.allocate(data.aValues.length, 'f32');
  const b = backend.allocate(data.bValues.length, 'f32');
  const c = backend.allocate(data.want.length, 'f32');
  backend.write(a, data.aValues);
  backend.write(b, data.bValues);
  backend.write(c, new Float32Array(data.want.length).fill(Number.NaN));
  backend.runSpec(spec, {
    inputs: [a, b],
    outputs: [c],
    uniforms: data.uniforms,
    ...(constants ? { constants } : {}),
  });
  const got = (await backend.read(c)) as Float32Array;
  for (const buffer of [a, b, c]) backend.release(buffer);
  return got;
}

// CPU reference of the batched matmul kernels (llm.c's matmul_forward_cpu, generalised):
//   c[b] = op(a[b]) @ op(b[b]),  c: (batch, M, N)
//   op(a) = a (M, K) or, with transposeA, a stored as (K, M);
//   op(b) = b (K, N) or, with transposeB, b stored as (N, K).
// Batch b reads a at b*strideA, b at b*strideB and writes c at b*strideC (element strides; a
// stride of 0 broadcasts that operand over the batch). Sums in double (JS numbers).
// This is the CPU backend's `matmul`/`matmulNaive` and the oracle of both WGSL kernels.

import { assert } from '@prefixkit/errors';
import { f16ToFloat32 } from '../../float-conversion';
import { fusedActivations } from '../activation/activation.reference';
import type { CpuKernel } from '../cpu-kernel';

export const matmulReference: CpuKernel = (inputs, outputs, uniforms) => {
  const [a, b] = inputs;
  const [c] = outputs;
  assert(
    a !== undefined && b !== undefined && c !== undefined,
    () => 'matmul: needs inputs a, b and output c',
  );
  const { batch = 1, M = 0, N = 0, K = 0, transposeA = 0, transposeB = 0 } = uniforms;
  const { strideA = 0, strideB = 0, strideC = 0 } = uniforms;
  for (let batchIndex = 0; batchIndex < batch; batchIndex++) {
    const aBase = batchIndex * strideA;
    const bBase = batchIndex * strideB;
    const cBase = batchIndex * strideC;
    for (let m = 0; m < M; m++) {
      for (let n = 0; n < N; n++) {
        let sum = 0;
        for (let k = 0; k < K; k++) {
          const aValue = a[aBase + (transposeA ? k * M + m : m * K + k)] as number;
          const bValue = b[bBase + (transposeB ? n * K + k : k * N + n)] as number;
          sum += aValue * bValue;
        }
        c[cBase + m * N + n] = sum;
      }
    }
  }
};

/**
 * matmulBias / matmulBiasResidual: the 2-D product, + bias[n], the activation, + residual[m, n]
 * when given, each step rounded to the output's precision (f32 outputs: exactly what matmul,
 * add, the activation and add compute one after another).
 */
export function matmulEpilogueReference(residual: boolean): CpuKernel {
  return (inputs, outputs, uniforms, constants = {}) => {
    const [a, b, bias, rest] = inputs;
    const [c] = outputs;
    assert(bias !== undefined && (!residual || rest !== undefined), () => 'matmul: needs bias');
    matmulReference([a!, b!], [c!], uniforms);
    const activation = fusedActivations[constants.activation ?? 0];
    assert(activation !== undefined, () => `matmul: unknown activation ${constants.activation}`);
    const round = c instanceof Float32Array ? Math.fround : (x: number) => x;
    const { M = 0, N = 0 } = uniforms;
    for (let m = 0; m < M; m++) {
      for (let n = 0; n < N; n++) {
        const index = m * N + n;
        const y = round(activation(round(c![index]! + bias[n]!)));
        c![index] = residual ? y + rest![index]! : y;
      }
    }
  };
}

/** Element `index` of binary16 values packed two per 32-bit word, low half first. */
function unpackHalf(words: ArrayLike<number>, index: number): number {
  const word = words[index >>> 1]! >>> 0;
  return f16ToFloat32(index & 1 ? word >>> 16 : word & 0xffff);
}

/** matmulHalfB: B's packed binary16 elements widened, then the plain product. */
const matmulHalfBReference: CpuKernel = (inputs, outputs, uniforms) => {
  const [a, words] = inputs;
  assert(a !== undefined && words !== undefined, () => 'matmulHalfB: needs inputs a and b');
  const b = new Float64Array(words.length * 2);
  for (let index = 0; index < b.length; index++) b[index] = unpackHalf(words, index);
  matmulReference([a, b], outputs, uniforms);
};

/** matmulHalfColumns: w's k-major binary16 words widened, then a @ w^T. */
const matmulHalfColumnsReference: CpuKernel = (inputs, outputs, uniforms) => {
  const [a, words] = inputs;
  const [c] = outputs;
  assert(
    a !== undefined && words !== undefined && c !== undefined,
    () => 'matmulHalfColumns: needs a, w and c',
  );
  const { M = 0, N = 0, K = 0 } = uniforms;
  const width = Math.ceil(N / 8) * 8;
  for (let m = 0; m < M; m++)
    for (let n = 0; n < N; n++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += a[m * K + k]! * unpackHalf(words, k * width + n);
      c[m * N + n] = sum;
    }
};

/** CPU references by kernel name (both WGSL variants compute the same thing). */
export const matmulReferences = {
  matmulNaive: matmulReference,
  matmul: matmulReference,
  matmulBias: matmulEpilogueReference(false),
  matmulBiasResidual: matmulEpilogueReference(true),
  matmulHalfB: matmulHalfBReference,
  matmulHalfColumns: matmulHalfColumnsReference,
} satisfies Record<string, CpuKernel>;

// CPU reference of the batched matmul kernels (llm.c's matmul_forward_cpu, generalised):
//   c[b] = op(a[b]) @ op(b[b]),  c: (batch, M, N)
//   op(a) = a (M, K) or, with transposeA, a stored as (K, M);
//   op(b) = b (K, N) or, with transposeB, b stored as (N, K).
// Batch b reads a at b*strideA, b at b*strideB and writes c at b*strideC (element strides; a
// stride of 0 broadcasts that operand over the batch). Sums in double (JS numbers).
// This is the CPU backend's `matmul`/`matmulNaive` and the oracle of both WGSL kernels.

import { assert } from '@prefixkit/errors';
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

/** CPU references by kernel name (both WGSL variants compute the same thing). */
export const matmulReferences = {
  matmulNaive: matmulReference,
  matmul: matmulReference,
} satisfies Record<string, CpuKernel>;

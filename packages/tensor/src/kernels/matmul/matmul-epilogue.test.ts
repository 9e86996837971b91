// Conformance of the fused matmul variants (matmulBias, matmulBiasResidual) with their reference
// (the 2-D product, + bias, the activation, + residual): odd shapes that are no multiple of any
// tile, vec4-aligned ones (aligned fast path), one-row products (a decoding step's small tile),
// every activation, on the subgroup fast paths and on the generic path (built without subgroups).
import { describe, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { MATMUL_ACTIVATIONS, matmulTileConstants } from './matmul-blocked.wgsl';

// [M, N, K]
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 33, 7],
  [3, 7, 65],
  [7, 65, 33],
  [33, 3, 257],
  [36, 20, 68],
  [64, 128, 32],
  [1, 384, 128],
];

describe.each(['matmulBias', 'matmulBiasResidual'] as const)('%s vs reference', (kernel) => {
  for (const [activation, value] of Object.entries(MATMUL_ACTIVATIONS)) {
    it(`activation ${activation}: fast and generic paths on ${shapes.length} shapes`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      for (const [index, [M, N, K]] of shapes.entries()) {
        const seed = index * 10 + value;
        const inputs = [f32(M * K, seed, -2, 2), f32(K * N, seed + 1, -0.5, 0.5), f32(N, seed + 2)];
        if (kernel === 'matmulBiasResidual') inputs.push(f32(M * N, seed + 3));
        const uniforms = { batch: 1, M, N, K, transposeA: 0, transposeB: 0 };
        const strides = { strideA: 0, strideB: 0, strideC: M * N };
        for (const subgroups of [{}, { subgroupSize: 0 }] as Record<string, number>[])
          await expectKernelMatches(gpu, kernel, {
            label: `[${M}, ${N}, ${K}] ${activation}${'subgroupSize' in subgroups ? ' generic' : ''}`,
            inputs,
            outputs: [M * N],
            uniforms: { ...uniforms, ...strides },
            constants: { ...matmulTileConstants(M), ...subgroups, activation: value },
          });
      }
    }, 240_000); // a pipeline per tile, path and activation: slow to compile on a busy machine
  }
});

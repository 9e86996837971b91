// Conformance: layerNormLinear on WebGPU vs its reference on odd shapes (K and N not multiples
// of 4, N below and above one workgroup's columns, every rows build, every activation, rows with
// a large common offset for the two-pass variance, the 8-, 32- and 64-lane builds); and the
// op layerNormLinear against layerNorm then linear on both backends, fused for few rows of a
// small product without a graph, and the very ops with a graph, more rows or a larger product.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { compareArrays, randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { layerNorm } from '../../ops/layer-norm';
import { layerNormLinear } from '../../ops/layer-norm-linear';
import { linear } from '../../ops/linear';
import { sizeOf } from '../../shape';
import { MATMUL_ACTIVATIONS } from '../matmul';
import {
  LAYER_NORM_LINEAR_MAX_PRODUCT,
  LAYER_NORM_LINEAR_MAX_ROWS,
  layerNormLinearRows,
} from './layer-norm-linear.wgsl';

// [M, K, N]
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 3, 5],
  [2, 7, 9],
  [3, 128, 384],
  [5, 33, 130],
  [8, 65, 259],
  [4, 16, 1031],
  [6, 768, 300],
];

/** Rows of x around `offset` (a residual stream far from zero stresses the variance). */
function rowsOf(M: number, K: number, seed: number, offset: number): Float32Array {
  return f32(M * K, seed, offset - 2, offset + 2);
}

describe('layerNormLinear: WebGPU vs reference', () => {
  for (const [M, K, N] of shapes) {
    it(`M ${M}, K ${K}, N ${N}`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      for (const activation of Object.values(MATMUL_ACTIVATIONS)) {
        for (const [offset, lanes] of [
          [0, {}],
          [30, {}],
          [30, { subgroupSize: 0 }], // the 64-lane build of devices without a fixed subgroup size
          // A 32-lane subgroup build (NVIDIA's width): on 8-lane lavapipe its layout check fails
          // and it takes the path that computes its own statistics.
          [30, { subgroupSize: 32 }],
        ] as const) {
          await expectKernelMatches(gpu, 'layerNormLinear', {
            label: `[${M}, ${K}] @ [${K}, ${N}], activation ${activation}, offset ${offset}${'subgroupSize' in lanes ? `, subgroupSize ${lanes.subgroupSize}` : ''}`,
            inputs: [
              rowsOf(M, K, 1 + activation, offset),
              f32(K, 2, 0.5, 1.5),
              f32(K, 3, -0.5, 0.5),
              f32(K * N, 4, -0.3, 0.3),
              f32(N, 5, -0.5, 0.5),
            ],
            outputs: [M * N],
            uniforms: { M, N, K, eps: 1e-5 },
            constants: { rows: layerNormLinearRows(M), activation, ...lanes },
          });
        }
      }
    }, 120_000); // twelve pipelines per shape (activations x lane builds), each compiled on first use
  }

  it('fewer rows than the build holds (M 3 in the 8-row build)', async (context) => {
    const gpu = await getWebGpuBackend(context);
    const [M, K, N] = [3, 20, 44];
    await expectKernelMatches(gpu, 'layerNormLinear', {
      label: 'M 3, rows 8',
      inputs: [rowsOf(M, K, 9, 0), f32(K, 2), f32(K, 3), f32(K * N, 4), f32(N, 5)],
      outputs: [M * N],
      uniforms: { M, N, K, eps: 1e-5 },
      constants: { rows: 8, activation: 0 },
    });
  });
});

async function fusedEqualsRecorded(backend: Backend) {
  let seed = 20;
  for (const [rowShape, K, N] of [
    [[1, 1], 128, 384],
    [[2, 3], 33, 130],
    [[8], 65, 259],
    [[3, 4], 40, 24], // 12 rows: more than the kernel takes, so layerNorm then linear
    [[2], 400, 400], // a product above LAYER_NORM_LINEAR_MAX_PRODUCT: layerNorm then linear
  ] as const) {
    const unfused =
      sizeOf(rowShape) > LAYER_NORM_LINEAR_MAX_ROWS || K * N > LAYER_NORM_LINEAR_MAX_PRODUCT;
    const x = randomTensor(backend, [...rowShape, K], { seed: seed++, min: 5, max: 9 });
    const norm = {
      weight: randomTensor(backend, [K], { seed: seed++, min: 0.5, max: 1.5 }),
      bias: randomTensor(backend, [K], { seed: seed++ }),
    };
    const layer = {
      weight: randomTensor(backend, [K, N], { seed: seed++, min: -0.3, max: 0.3 }),
      bias: randomTensor(backend, [N], { seed: seed++ }),
    };
    for (const activation of [undefined, 'gelu', 'gelu-exact', 'relu'] as const) {
      const options = activation ? { activation } : {};
      const fused = layerNormLinear(x, norm, layer, { eps: 1e-5, ...options });
      const separate = linear(
        layerNorm(x, norm.weight, norm.bias),
        layer.weight,
        layer.bias,
        options,
      );
      expect(fused.shape).toEqual([...rowShape, N]);
      expect(fused.requiresGrad).toBe(false);
      const label = `[${rowShape}, ${K}] -> ${N} ${activation ?? 'none'}`;
      const tolerance = unfused ? { atol: 0, rtol: 0 } : { atol: 2e-4, rtol: 2e-4 };
      const match = compareArrays(await fused.data(), await separate.data(), tolerance);
      expect(match.ok, `${label}: ${match.report}`).toBe(true);
      // With a graph it is the recorded pair, whose gradient reaches the layer norm.
      norm.weight.requiresGrad = true;
      const recorded = layerNormLinear(x, norm, layer, options);
      norm.weight.requiresGrad = false;
      expect(recorded.requiresGrad, label).toBe(true);
      const same = compareArrays(await recorded.data(), await separate.data(), {
        atol: 0,
        rtol: 0,
      });
      expect(same.ok, `${label}: ${same.report}`).toBe(true);
    }
  }
}

describe('layerNormLinear op', () => {
  it('equals layerNorm then linear on the CPU backend', async () => {
    await fusedEqualsRecorded(new CpuBackend());
  });
  it('equals layerNorm then linear on WebGPU', async (context) => {
    await fusedEqualsRecorded(await getWebGpuBackend(context));
  });
  it('names the argument whose shape is wrong', () => {
    const cpu = new CpuBackend();
    const x = randomTensor(cpu, [1, 8], { seed: 1 });
    const norm = {
      weight: randomTensor(cpu, [7], { seed: 2 }),
      bias: randomTensor(cpu, [8], { seed: 3 }),
    };
    const layer = {
      weight: randomTensor(cpu, [8, 4], { seed: 4 }),
      bias: randomTensor(cpu, [4], { seed: 5 }),
    };
    expect(() => layerNormLinear(x, norm, layer)).toThrow(/normWeight/);
    const norm8 = { ...norm, weight: randomTensor(cpu, [8], { seed: 6 }) };
    expect(() =>
      layerNormLinear(x, norm8, { ...layer, bias: randomTensor(cpu, [5], { seed: 7 }) }),
    ).toThrow(/bias/);
  });
});

// Conformance: blockTail on WebGPU vs its reference on odd shapes (C and F not multiples of 4,
// fewer and more columns than a workgroup's lanes own at once, every activation, one to eight
// rows, a residual stream far from zero for the two-pass variance); and the op blockTail against
// linear (residual), layerNormLinear and linear (residual) on both backends: fused for few rows
// of small products without a graph, the very ops with a graph, more rows or larger products.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { compareArrays, randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { blockTail } from '../../ops/block-tail';
import { layerNormLinear } from '../../ops/layer-norm-linear';
import { linear } from '../../ops/linear';
import { sizeOf } from '../../shape';
import type { Tensor } from '../../tensor';
import { MATMUL_ACTIVATIONS } from '../matmul';
import { BLOCK_TAIL_MAX_ROWS, blockTailCapacity, blockTailFits } from './block-tail.wgsl';

// [M, C, F]
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 3, 5],
  [2, 7, 9],
  [1, 128, 512],
  [5, 33, 130],
  [8, 20, 257],
  [3, 100, 1000],
  [2, 362, 362],
];

describe('blockTail: WebGPU vs reference', () => {
  for (const [M, C, F] of shapes) {
    it(`M ${M}, C ${C}, F ${F}`, async (context) => {
      expect(blockTailFits(C, F)).toBe(true);
      const gpu = await getWebGpuBackend(context);
      for (const activation of Object.values(MATMUL_ACTIVATIONS)) {
        for (const offset of [0, 30]) {
          await expectKernelMatches(gpu, 'blockTail', {
            label: `M ${M}, C ${C}, F ${F}, activation ${activation}, offset ${offset}`,
            inputs: [
              f32(M * C, 1 + activation, -1, 1),
              f32(M * C, 2, offset - 2, offset + 2),
              f32(C * C, 3, -0.3, 0.3),
              f32(C, 4, -0.5, 0.5),
              f32(C, 5, 0.5, 1.5),
              f32(C, 6, -0.5, 0.5),
              f32(C * F, 7, -0.3, 0.3),
              f32(F, 8, -0.5, 0.5),
              f32(F * C, 9, -0.3, 0.3),
              f32(C, 10, -0.5, 0.5),
            ],
            outputs: [M * C],
            uniforms: { M, C, F, eps: 1e-5 },
            constants: {
              channels: blockTailCapacity(C),
              hidden: blockTailCapacity(F),
              activation,
            },
          });
        }
      }
    }, 120_000); // four pipelines per shape, each compiled on first use
  }

  it('refuses sizes past its workgroup memory', () => {
    expect(blockTailFits(768, 3072)).toBe(false);
    expect(blockTailFits(8, 3100)).toBe(false);
    expect(blockTailFits(0, 4)).toBe(false);
  });
});

interface Weights {
  out: { weight: Tensor; bias: Tensor };
  norm: { weight: Tensor; bias: Tensor };
  up: { weight: Tensor; bias: Tensor };
  down: { weight: Tensor; bias: Tensor };
}

function weightsOf(backend: Backend, C: number, F: number, seed: number): Weights {
  const pair = (k: number, n: number, s: number, min = -0.3, max = 0.3) => ({
    weight: randomTensor(backend, k === 0 ? [n] : [k, n], { seed: s, min, max }),
    bias: randomTensor(backend, [n], { seed: s + 1 }),
  });
  return {
    out: pair(C, C, seed),
    norm: pair(0, C, seed + 2, 0.5, 1.5),
    up: pair(C, F, seed + 4),
    down: pair(F, C, seed + 6),
  };
}

/** The ops blockTail stands for. */
function separate(a: Tensor, x: Tensor, w: Weights, activation?: 'gelu' | 'gelu-exact' | 'relu') {
  const h = linear(a, w.out.weight, w.out.bias, { residual: x });
  const hidden = layerNormLinear(h, w.norm, w.up, activation ? { activation } : {});
  return linear(hidden, w.down.weight, w.down.bias, { residual: h });
}

async function fusedEqualsSeparate(backend: Backend) {
  let seed = 40;
  for (const [rowShape, C, F] of [
    [[1, 1], 128, 512],
    [[2, 2], 33, 130],
    [[3], 20, 257],
    [[8], 16, 24], // more rows than the op fuses: the separate ops
    [[2], 400, 400], // a product past BLOCK_TAIL_MAX_PRODUCT: the separate ops
  ] as const) {
    const fused = sizeOf(rowShape) <= BLOCK_TAIL_MAX_ROWS && blockTailFits(C, F);
    const a = randomTensor(backend, [...rowShape, C], { seed: seed++ });
    const x = randomTensor(backend, [...rowShape, C], { seed: seed++, min: 5, max: 9 });
    const w = weightsOf(backend, C, F, (seed += 8));
    for (const activation of [undefined, 'gelu', 'gelu-exact', 'relu'] as const) {
      const options = activation ? { activation } : {};
      const got = blockTail(a, x, w, { eps: 1e-5, ...options });
      const expected = separate(a, x, w, activation);
      expect(got.shape).toEqual([...rowShape, C]);
      expect(got.requiresGrad).toBe(false);
      const label = `[${rowShape}, ${C}] F ${F} ${activation ?? 'none'}`;
      const tolerance = fused ? { atol: 3e-4, rtol: 3e-4 } : { atol: 0, rtol: 0 };
      const match = compareArrays(await got.data(), await expected.data(), tolerance);
      expect(match.ok, `${label}: ${match.report}`).toBe(true);
      // With a graph it is the separate ops (recorded too), whose gradients reach the weights.
      w.up.weight.requiresGrad = true;
      const recorded = blockTail(a, x, w, options);
      const recordedSeparately = separate(a, x, w, activation);
      w.up.weight.requiresGrad = false;
      expect(recorded.requiresGrad, label).toBe(true);
      const same = compareArrays(await recorded.data(), await recordedSeparately.data(), {
        atol: 0,
        rtol: 0,
      });
      expect(same.ok, `${label}: ${same.report}`).toBe(true);
    }
  }
}

describe('blockTail op', () => {
  it('equals linear, layerNormLinear and linear on the CPU backend', async () => {
    await fusedEqualsSeparate(new CpuBackend());
  });
  it('equals linear, layerNormLinear and linear on WebGPU', async (context) => {
    await fusedEqualsSeparate(await getWebGpuBackend(context));
  }, 120_000); // about forty pipelines, each compiled on first use
  it('runs the separate ops where a kernel may bind fewer storage buffers than it needs', async () => {
    // Chromium's limit: the kernel binds 11.
    class LimitedBackend extends CpuBackend {
      override readonly maxStorageBuffersPerStage = 10;
      readonly kernels: string[] = [];
      override run(...args: Parameters<CpuBackend['run']>): void {
        this.kernels.push(args[0]);
        super.run(...args);
      }
    }
    const limited = new LimitedBackend();
    const a = randomTensor(limited, [1, 1, 16], { seed: 1 });
    const x = randomTensor(limited, [1, 1, 16], { seed: 2 });
    const w = weightsOf(limited, 16, 24, 3);
    const got = await blockTail(a, x, w, { activation: 'gelu' }).data();
    expect(limited.kernels).not.toContain('blockTail');
    expect(limited.kernels).toContain('matmulBiasResidual');
    const expected = await separate(a, x, w, 'gelu').data();
    expect(compareArrays(got, expected, { atol: 0, rtol: 0 }).ok).toBe(true);
  });

  it('names the argument whose shape is wrong', () => {
    const cpu = new CpuBackend();
    const a = randomTensor(cpu, [1, 8], { seed: 1 });
    const x = randomTensor(cpu, [1, 8], { seed: 2 });
    const w = weightsOf(cpu, 8, 12, 3);
    expect(() =>
      blockTail(a, x, { ...w, norm: { ...w.norm, weight: randomTensor(cpu, [7], { seed: 9 }) } }),
    ).toThrow(/blockTail: argument normWeight: expected \[8\], got \[7\]/);
    expect(() =>
      blockTail(a, x, { ...w, down: { ...w.down, bias: randomTensor(cpu, [5], { seed: 9 }) } }),
    ).toThrow(/downBias/);
    expect(() => blockTail(a, randomTensor(cpu, [2, 8], { seed: 9 }), w)).toThrow(/argument x/);
  });
});

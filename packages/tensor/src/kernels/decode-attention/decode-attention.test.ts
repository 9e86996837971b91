// Conformance: decodeAttention on WebGPU vs the reference on odd shapes (heads, head sizes,
// positions more and fewer than the workgroup's lanes; subgroup-wide and 32-lane builds), without a mask, with padding masked and
// with a row masked whole (HF then attends uniformly); and attention() for one new token
// without a graph (this kernel) against the recorded three-kernel path, on both backends.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { tensor } from '../../create';
import { attention } from '../../ops/attention';

// [B, H, S, D]
const shapes: [number, number, number, number][] = [
  [1, 1, 1, 4],
  [1, 4, 17, 32],
  [3, 2, 33, 12],
  [2, 5, 70, 8],
  [1, 12, 129, 64],
];

/** Per row, 0/1 over S positions: row 0 keeps all, row 1 masks its first third, row 2 all. */
function maskOf(B: number, S: number): Float32Array {
  const mask = new Float32Array(B * S);
  for (let b = 0; b < B; b++)
    for (let j = 0; j < S; j++) mask[b * S + j] = b === 2 ? 0 : b === 1 && j < S / 3 ? 0 : 1;
  return mask;
}

describe('decodeAttention: WebGPU vs reference', () => {
  for (const [B, H, S, D] of shapes) {
    it(`B ${B}, H ${H}, S ${S}, D ${D}, with and without a mask`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      for (const [hasMask, lanes] of [
        [0, {}],
        [1, {}],
        [1, { subgroupSize: 0 }], // the 32-lane build of devices without a fixed subgroup size
      ] as const) {
        await expectKernelMatches(gpu, 'decodeAttention', {
          label: `[${B}, ${H}, ${S}, ${D}]${hasMask ? ' masked' : ''}${'subgroupSize' in lanes ? ' 32 lanes' : ''}`,
          inputs: [
            f32(B * H * D, 1, -2, 2),
            f32(B * H * S * D, 2, -2, 2),
            f32(B * H * S * D, 3),
            hasMask ? maskOf(B, S) : new Float32Array(1),
          ],
          outputs: [B * H * D],
          uniforms: { batch: B, heads: H, positions: S, divisor: Math.sqrt(D), hasMask },
          constants: { headSize: D, ...lanes },
        });
      }
    });
  }
});

async function fusedEqualsRecorded(backend: Backend) {
  let seed = 5;
  for (const [B, H, S, D] of shapes) {
    const q = randomTensor(backend, [B, H, 1, D], { seed: seed++ });
    const k = randomTensor(backend, [B, H, S, D], { seed: seed++ });
    const v = randomTensor(backend, [B, H, S, D], { seed: seed++ });
    const mask = tensor(maskOf(B, S), [B, S], { backend });
    for (const options of [{}, { mask }]) {
      const fused = attention(q, k, v, options).output;
      q.requiresGrad = true; // a graph: the recorded matmul, softmax, matmul
      const recorded = attention(q, k, v, options).output;
      q.requiresGrad = false;
      expect(recorded.requiresGrad).toBe(true);
      expect(fused.shape).toEqual(recorded.shape);
      const [got, want] = [await fused.data(), await recorded.data()];
      for (let i = 0; i < want.length; i++)
        expect(Math.abs(got[i]! - want[i]!), `[${B}, ${H}, ${S}, ${D}] [${i}]`).toBeLessThan(
          1e-5 + 1e-4 * Math.abs(want[i]!),
        );
    }
  }
}

describe('attention for one new token', () => {
  it('fused equals the recorded path on the CPU backend', async () => {
    await fusedEqualsRecorded(new CpuBackend());
  });
  it('fused equals the recorded path on WebGPU', async (context) => {
    await fusedEqualsRecorded(await getWebGpuBackend(context));
  });
});

// Conformance: qkvHeads on WebGPU vs the reference (bit-exact copies), on odd shapes, without a
// past, with a past shared by every row and with one past per row; and the op's fused path
// against the recorded composition it replaces (splitHeads, expand, concat), on both backends.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { qkvHeads } from '../../ops/heads';

// [B, H, T, D, P, pastRows]
const shapes: [number, number, number, number, number, number][] = [
  [1, 1, 1, 1, 0, 1],
  [2, 3, 5, 7, 0, 1],
  [3, 2, 1, 5, 9, 1],
  [3, 2, 4, 5, 9, 3],
  [1, 12, 1, 64, 33, 1],
];

describe('qkvHeads: WebGPU vs reference', () => {
  for (const [B, H, T, D, P, pastRows] of shapes) {
    it(`B ${B}, H ${H}, T ${T}, D ${D}, past ${P} x ${pastRows}`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const C = H * D;
      const past = Math.max(1, pastRows * H * P * D);
      await expectKernelMatches(gpu, 'qkvHeads', {
        label: `[${B}, ${H}, ${T}, ${D}] past ${P}`,
        inputs: [f32(B * T * 3 * C, 1), f32(past, 2), f32(past, 3)],
        outputs: [B * H * T * D, B * H * (P + T) * D, B * H * (P + T) * D],
        uniforms: { batch: B, heads: H, tokens: T, headSize: D, past: P, pastRows },
      });
    });
  }
});

async function fusedEqualsComposition(backend: Backend) {
  let seed = 11;
  for (const [B, H, T, D, P, pastRows] of shapes) {
    const qkv = randomTensor(backend, [B, T, 3 * H * D], { seed: seed++ });
    const past =
      P > 0
        ? {
            pastKey: randomTensor(backend, [pastRows, H, P, D], { seed: seed++ }),
            pastValue: randomTensor(backend, [pastRows, H, P, D], { seed: seed++ }),
          }
        : {};
    const fused = qkvHeads(qkv, { heads: H, ...past });
    // The composition runs when a graph needs it: make one input require a gradient.
    qkv.requiresGrad = true;
    const recorded = qkvHeads(qkv, { heads: H, ...past });
    expect(recorded.key.requiresGrad).toBe(true);
    for (const name of ['q', 'key', 'value'] as const) {
      expect(fused[name].shape).toEqual(recorded[name].shape);
      expect(Array.from(await fused[name].data()), `${name} of ${[B, H, T, D, P]}`).toEqual(
        Array.from(await recorded[name].data()),
      );
    }
  }
}

describe('qkvHeads op', () => {
  it('fused equals the recorded composition on the CPU backend', async () => {
    await fusedEqualsComposition(new CpuBackend());
  });
  it('fused equals the recorded composition on WebGPU', async (context) => {
    await fusedEqualsComposition(await getWebGpuBackend(context));
  });
  it('names a past of the wrong shape', () => {
    const backend = new CpuBackend();
    const qkv = randomTensor(backend, [2, 3, 12], { seed: 1 });
    const wrong = randomTensor(backend, [2, 2, 4, 3], { seed: 2 });
    expect(() => qkvHeads(qkv, { heads: 2, pastKey: wrong, pastValue: wrong })).toThrow(/pastKey/);
  });
});

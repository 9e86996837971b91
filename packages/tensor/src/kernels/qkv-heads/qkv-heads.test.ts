// Conformance: qkvHeads on WebGPU vs the reference (bit-exact copies), on odd shapes, without a
// past, with a past shared by every row, with one past per row and with rows read through an
// index; and the op's fused path against the recorded composition it replaces (splitHeads,
// expand or indexSelect, concat), on both backends.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { tensor } from '../../create';
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
      const uniforms = { batch: B, heads: H, tokens: T, headSize: D, past: P, pastRows };
      const inputs = [f32(B * T * 3 * C, 1), f32(past, 2), f32(past, 3)];
      const outputs = [B * H * T * D, B * H * (P + T) * D, B * H * (P + T) * D];
      await expectKernelMatches(gpu, 'qkvHeads', {
        label: `[${B}, ${H}, ${T}, ${D}] past ${P}`,
        inputs: [...inputs, new Int32Array(1)],
        outputs,
        uniforms: { ...uniforms, pastIndexed: 0 },
      });
      if (P === 0) return;
      // Row b's past is row (b * 7 + 2) % pastRows, one out of range (clamped to the last).
      const rowOf = Int32Array.from({ length: B }, (_, b) =>
        b === 1 ? 99 : (b * 7 + 2) % pastRows,
      );
      await expectKernelMatches(gpu, 'qkvHeads', {
        label: `[${B}, ${H}, ${T}, ${D}] past ${P} indexed`,
        inputs: [...inputs, rowOf],
        outputs,
        uniforms: { ...uniforms, pastIndexed: 1 },
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

/** A past of 3 rows read through a row index (beam reordering), fused vs recorded. */
async function indexedEqualsComposition(backend: Backend) {
  const [B, H, T, D, P] = [4, 2, 1, 5, 6];
  const qkv = randomTensor(backend, [B, T, 3 * H * D], { seed: 41 });
  const pastKey = randomTensor(backend, [3, H, P, D], { seed: 42 });
  const pastValue = randomTensor(backend, [3, H, P, D], { seed: 43 });
  const pastRowIndex = tensor([2, 0, 2, 1], [B], { backend, dtype: 'i32' });
  const options = { heads: H, pastKey, pastValue, pastRowIndex };
  const fused = qkvHeads(qkv, options);
  qkv.requiresGrad = true;
  const recorded = qkvHeads(qkv, options);
  for (const name of ['q', 'key', 'value'] as const)
    expect(Array.from(await fused[name].data()), name).toEqual(
      Array.from(await recorded[name].data()),
    );
  const key = await fused.key.data();
  const past = await pastKey.data();
  // Row 0, head 1, position 3 comes from past row 2.
  expect(key[((0 * H + 1) * (P + T) + 3) * D]).toBe(past[((2 * H + 1) * P + 3) * D]);
}

describe('qkvHeads op', () => {
  it('reads the past through a row index, fused and recorded alike (CPU, WebGPU)', async (context) => {
    await indexedEqualsComposition(new CpuBackend());
    await indexedEqualsComposition(await getWebGpuBackend(context));
  });
  it('names a row index of the wrong length', () => {
    const backend = new CpuBackend();
    const qkv = randomTensor(backend, [2, 1, 12], { seed: 1 });
    const past = randomTensor(backend, [3, 2, 4, 2], { seed: 2 });
    const index = tensor([0, 1, 2], [3], { backend, dtype: 'i32' });
    expect(() =>
      qkvHeads(qkv, { heads: 2, pastKey: past, pastValue: past, pastRowIndex: index }),
    ).toThrow(/pastRowIndex/);
  });
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

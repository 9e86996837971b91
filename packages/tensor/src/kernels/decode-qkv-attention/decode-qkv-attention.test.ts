// Conformance: decodeQkvAttention on WebGPU vs its reference (qkvHeads then decodeAttention) on
// odd shapes: no past, one past shared by every row, one per row, rows read through an index
// (one out of range, clamped), with and without a mask (a row masked whole), more positions
// than the workgroup's lanes, the 32-lane build; and the op qkvAttention against qkvHeads then
// attention on both backends, fused for one token without a graph and recorded otherwise.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { compareArrays, randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { tensor } from '../../create';
import { attention } from '../../ops/attention';
import { qkvHeads } from '../../ops/heads';
import { qkvAttention } from '../../ops/qkv-attention';

// [B, H, D, P, pastRows]
const shapes: [number, number, number, number, number][] = [
  [1, 1, 4, 0, 1],
  [2, 3, 8, 0, 1],
  [3, 2, 12, 9, 1],
  [3, 2, 12, 9, 3],
  [2, 5, 8, 70, 2],
  [1, 12, 64, 33, 1],
];

/** Per row, 0/1 over S positions: row 0 keeps all, row 1 masks its first third, row 2 all. */
function maskOf(B: number, S: number): Float32Array {
  const mask = new Float32Array(B * S);
  for (let b = 0; b < B; b++)
    for (let j = 0; j < S; j++) mask[b * S + j] = b === 2 ? 0 : b === 1 && j < S / 3 ? 0 : 1;
  return mask;
}

describe('decodeQkvAttention: WebGPU vs reference', () => {
  for (const [B, H, D, P, pastRows] of shapes) {
    it(`B ${B}, H ${H}, D ${D}, past ${P} x ${pastRows}`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const C = H * D;
      const past = Math.max(4, pastRows * H * P * D);
      const S = P + 1;
      const indexed = P > 0 && pastRows > 1;
      const rowOf = Int32Array.from({ length: B }, (_, b) =>
        b === 1 ? 99 : (b * 7 + 2) % pastRows,
      );
      for (const [hasMask, lanes] of [
        [0, {}],
        [1, {}],
        [1, { subgroupSize: 0 }], // the 32-lane build of devices without a fixed subgroup size
      ] as const) {
        for (const pastIndexed of indexed ? [0, 1] : [0]) {
          if (pastIndexed === 0 && pastRows !== 1 && pastRows !== B) continue;
          await expectKernelMatches(gpu, 'decodeQkvAttention', {
            label: `[${B}, ${H}, ${D}] past ${P} x ${pastRows}${pastIndexed ? ' indexed' : ''}${hasMask ? ' masked' : ''}${'subgroupSize' in lanes ? ' 32 lanes' : ''}`,
            inputs: [
              f32(B * 3 * C, 1, -2, 2),
              f32(past, 2, -2, 2),
              f32(past, 3),
              pastIndexed ? rowOf : new Int32Array(1),
              hasMask ? maskOf(B, S) : new Float32Array(1),
            ],
            outputs: [B * H * D, B * H * S * D, B * H * S * D],
            uniforms: {
              batch: B,
              heads: H,
              past: P,
              pastRows,
              pastIndexed,
              divisor: Math.sqrt(D),
              hasMask,
            },
            constants: { headSize: D, ...lanes },
          });
        }
      }
    });
  }
});

async function fusedEqualsComposition(backend: Backend) {
  let seed = 40;
  for (const [B, H, D, P, pastRows] of [...shapes, [3, 2, 6, 5, 1] as const]) {
    const qkv = randomTensor(backend, [B, 1, 3 * H * D], { seed: seed++ });
    const pastKey =
      P > 0 ? randomTensor(backend, [pastRows, H, P, D], { seed: seed++ }) : undefined;
    const pastValue =
      P > 0 ? randomTensor(backend, [pastRows, H, P, D], { seed: seed++ }) : undefined;
    const pastRowIndex =
      P > 0 && pastRows > 1
        ? tensor(
            Int32Array.from({ length: B }, (_, b) => (b * 5 + 1) % pastRows),
            [B],
            { backend, dtype: 'i32' },
          )
        : undefined;
    const mask = tensor(maskOf(B, P + 1), [B, P + 1], { backend });
    for (const withMask of [false, true]) {
      const options = { heads: H, pastKey, pastValue, pastRowIndex, ...(withMask ? { mask } : {}) };
      const label = `[${B}, ${H}, ${D}] past ${P} x ${pastRows}${withMask ? ' masked' : ''}`;
      const fused = qkvAttention(qkv, options);
      const split = qkvHeads(qkv, options);
      const separate = attention(split.q, split.key, split.value, withMask ? { mask } : {});
      for (const part of ['output', 'key', 'value'] as const) {
        expect(fused[part].shape, `${label} ${part}`).toEqual(separate[part].shape);
        const exact = part === 'output' ? { atol: 1e-5, rtol: 1e-4 } : { atol: 0, rtol: 0 };
        const match = compareArrays(await fused[part].data(), await separate[part].data(), exact);
        expect(match.ok, `${label} ${part}: ${match.report}`).toBe(true);
      }
      // With a graph it is qkvHeads then attention, recorded.
      qkv.requiresGrad = true;
      const recorded = qkvAttention(qkv, options);
      qkv.requiresGrad = false;
      expect(recorded.output.requiresGrad, label).toBe(true);
    }
  }
}

describe('qkvAttention op', () => {
  it('equals qkvHeads then attention on the CPU backend', async () => {
    await fusedEqualsComposition(new CpuBackend());
  });
  it('equals qkvHeads then attention on WebGPU', async (context) => {
    await fusedEqualsComposition(await getWebGpuBackend(context));
  });
  it('names a mask of the wrong shape', () => {
    const cpu = new CpuBackend();
    const qkv = randomTensor(cpu, [2, 1, 3 * 8], { seed: 1 });
    const mask = tensor(new Float32Array(2 * 3), [2, 3], { backend: cpu });
    expect(() => qkvAttention(qkv, { heads: 2, mask })).toThrow(/mask/);
  });
});

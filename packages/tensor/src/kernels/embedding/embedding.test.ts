// Conformance: embedding gather and scatter-add on WebGPU vs the references, with repeated and
// out-of-range ids, accumulating into a non-zero gradient; the token + position sum with
// per-row and shared positions. The op embeddingSum against its two lookups and add, with and
// without a graph, on both backends.
import { describe, expect, it } from 'vitest';
import { expectKernelMatches, f32 } from '../../../test/conformance';
import { randomIds, randomTensor } from '../../../test/helpers';
import { getWebGpuBackend } from '../../../test/webgpu-fixture';
import { backward } from '../../autograd/tape';
import type { Backend } from '../../backends/backend';
import { CpuBackend } from '../../backends/cpu/cpu-backend';
import { tensor } from '../../create';
import { add } from '../../ops/elementwise';
import { embedding, embeddingSum } from '../../ops/embedding';
import { sum } from '../../ops/reduce';

const shapes: [number, number, number][] = [
  [1, 1, 1],
  [7, 5, 3],
  [65, 33, 7],
  [257, 11, 65],
];

describe('embedding: WebGPU vs reference', () => {
  for (const [rows, vocab, cols] of shapes) {
    it(`${rows} ids into [${vocab}, ${cols}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const ids = randomIds(rows, vocab, rows);
      if (rows > 2) {
        ids[1] = -1;
        ids[2] = vocab;
      }
      const uniforms = { rows, vocab, cols };
      await expectKernelMatches(gpu, 'embeddingForward', {
        label: 'forward',
        inputs: [ids, f32(vocab * cols, 1)],
        outputs: [rows * cols],
        uniforms,
      });
      await expectKernelMatches(gpu, 'embeddingBackward', {
        label: 'backward (accumulates)',
        inputs: [ids, f32(rows * cols, 2)],
        outputs: [f32(vocab * cols, 3)],
        uniforms,
      });
    });
  }
});

describe('embeddingSum: WebGPU vs reference', () => {
  for (const [rows, vocab, cols, positionRows, positionVocab] of [
    [1, 1, 1, 1, 1],
    [7, 5, 3, 7, 9],
    [12, 33, 7, 4, 5], // 3 sequences sharing one row of 4 positions
    [65, 50, 65, 65, 70],
  ] as const) {
    it(`${rows} ids into [${vocab}, ${cols}], ${positionRows} positions into [${positionVocab}, ${cols}]`, async (context) => {
      const gpu = await getWebGpuBackend(context);
      const ids = randomIds(rows, vocab, rows + 1);
      const positions = randomIds(positionRows, positionVocab, rows + 2);
      if (rows > 2) {
        ids[1] = -1;
        ids[2] = vocab;
      }
      if (positionRows > 3) positions[3] = positionVocab;
      await expectKernelMatches(gpu, 'embeddingSum', {
        label: 'sum',
        inputs: [ids, positions, f32(vocab * cols, 4), f32(positionVocab * cols, 5)],
        outputs: [rows * cols],
        uniforms: { rows, vocab, cols, positionRows, positionVocab },
      });
    });
  }
});

async function sumEqualsLookups(backend: Backend) {
  const [B, T, V, P, C] = [3, 5, 11, 9, 6];
  const ids = tensor(randomIds(B * T, V, 7), [B, T], { backend, dtype: 'i32' });
  const perRow = tensor(randomIds(B * T, P, 8), [B, T], { backend, dtype: 'i32' });
  const shared = tensor(
    Int32Array.from({ length: T }, (_, t) => t + 2),
    [T],
    { backend, dtype: 'i32' },
  );
  const wte = randomTensor(backend, [V, C], { seed: 9 });
  const wpe = randomTensor(backend, [P, C], { seed: 10 });
  for (const positions of [perRow, shared]) {
    const fused = embeddingSum(ids, wte, positions, wpe);
    const separate = add(embedding(ids, wte), embedding(positions, wpe));
    expect(fused.shape).toEqual([B, T, C]);
    expect(Array.from(await fused.data())).toEqual(Array.from(await separate.data()));
    // With a graph: the lookups and add, so both tables get their gradients.
    wte.requiresGrad = true;
    wpe.requiresGrad = true;
    const recorded = embeddingSum(ids, wte, positions, wpe);
    backward(sum(recorded));
    const wteGrad = await wte.grad!.data();
    const wpeGrad = await wpe.grad!.data();
    const idRows = await ids.data();
    const positionRows = await positions.data();
    for (let v = 0; v < V; v++) {
      const count = idRows.filter((id) => id === v).length;
      expect(wteGrad[v * C], `wte row ${v}`).toBe(count);
    }
    const repeat = positions.rank === 1 ? B : 1;
    for (let p = 0; p < P; p++) {
      const count = positionRows.filter((id) => id === p).length * repeat;
      expect(wpeGrad[p * C], `wpe row ${p}`).toBe(count);
    }
    wte.requiresGrad = false;
    wpe.requiresGrad = false;
    wte.grad = null;
    wpe.grad = null;
  }
  expect(() =>
    embeddingSum(ids, wte, tensor(new Int32Array(4), [4], { backend, dtype: 'i32' }), wpe),
  ).toThrow(/positions/);
}

describe('embeddingSum op', () => {
  it('equals the two lookups and their add on the CPU backend', async () => {
    await sumEqualsLookups(new CpuBackend());
  });
  it('equals the two lookups and their add on WebGPU', async (context) => {
    await sumEqualsLookups(await getWebGpuBackend(context));
  });
});

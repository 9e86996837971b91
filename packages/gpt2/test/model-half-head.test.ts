// The LM head's binary16 form (UploadOptions.halfHead): a checkpoint whose wte binary16 holds
// exactly (a float16 file) decodes with wte packed on WebGPU, to the same logits as the f32 head
// (bit for bit on several rows; a single row reads the k-major form, summed in another order);
// a wte with any other value, a model built with halfHead false, a head that needs gradients, or
// a wte written after loading all use the f32 table.
import { readFileSync } from 'node:fs';
import { type Backend, CpuBackend, f16ToFloat32, float32ToF16, noGrad } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { readGpt2Checkpoint } from '../src/checkpoint/read-gpt2-checkpoint';
import { Gpt2Model } from '../src/model/model';
import { bufferByteSource } from '../src/safetensors/byte-source';
import { webGpuBackend } from './model-fixtures';

const tinyDir = new URL('./fixtures/tiny/', import.meta.url);

/** The tiny test model's checkpoint with wte rounded to binary16 (as a float16 file holds it). */
async function halfCheckpoint() {
  const checkpoint = await readGpt2Checkpoint({
    config: readFileSync(new URL('config.json', tinyDir), 'utf8'),
    weights: bufferByteSource(readFileSync(new URL('model.safetensors', tinyDir))),
  });
  const wte = checkpoint.parameters.get('transformer.wte.weight')!;
  checkpoint.parameters.set(
    'transformer.wte.weight',
    wte.map((value) => f16ToFloat32(float32ToF16(value))),
  );
  return checkpoint;
}

/** Counts dispatches of `kernel` on `backend` while `run` records its work. */
function dispatchesOf<T>(backend: Backend, kernel: string, run: () => T): [T, number] {
  const original = backend.run.bind(backend);
  let count = 0;
  backend.run = (name, call) => {
    if (name === kernel) count++;
    original(name, call);
  };
  try {
    return [run(), count];
  } finally {
    backend.run = original;
  }
}

const ids = [
  [5, 17, 33, 2],
  [9, 1, 70, 44],
];

describe('the binary16 LM head', () => {
  it('gives the f32 head logits exactly, and only where it applies', async (context) => {
    const backend = await webGpuBackend(context);
    const checkpoint = await halfCheckpoint();
    const half = await Gpt2Model.fromCheckpoint(checkpoint, { backend });
    const full = await Gpt2Model.fromCheckpoint(checkpoint, { backend, halfHead: false });
    const logitsOf = (model: Gpt2Model) =>
      dispatchesOf(backend, 'matmulHalfB', () => noGrad(() => model.forward(ids).logits));
    const [halfLogits, halfCount] = logitsOf(half);
    const [fullLogits, fullCount] = logitsOf(full);
    expect([halfCount, fullCount]).toEqual([1, 0]);
    expect(Array.from(await halfLogits.data())).toEqual(Array.from(await fullLogits.data()));

    // One row, as in a decoding step: the k-major form, the same products in another order.
    const [rowHalf, rowCount] = dispatchesOf(backend, 'matmulHalfColumns', () =>
      half.forwardLast([ids[0]!]),
    );
    const rowFull = full.forwardLast([ids[0]!]);
    expect(rowCount).toBe(1);
    const [got, want] = [await rowHalf.logits.data(), await rowFull.logits.data()];
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++)
      expect(Math.abs(got[i]! - want[i]!), `logit ${i}`).toBeLessThan(
        1e-5 * (1 + Math.abs(want[i]!)),
      );

    // A head under a graph (a prefix or adapter being trained) reads the f32 table.
    const wte = half.parameters.get('transformer.wte.weight')!;
    wte.requiresGrad = true;
    expect(dispatchesOf(backend, 'matmulHalfB', () => half.forward(ids).logits)[1]).toBe(0);
    wte.requiresGrad = false;

    // wte written after loading: the packed copy is stale, the f32 table serves.
    const changed = checkpoint.parameters.get('transformer.wte.weight')!.map((v) => v * 0.5 + 0.01);
    wte.write(changed);
    full.parameters.get('transformer.wte.weight')!.write(changed);
    const [afterHalf, afterCount] = logitsOf(half);
    expect(afterCount).toBe(0);
    expect(Array.from(await afterHalf.data())).toEqual(Array.from(await logitsOf(full)[0].data()));
    half.dispose();
    full.dispose();
  });

  it('is not built for a wte binary16 cannot hold, nor on the CPU backend', async (context) => {
    const backend = await webGpuBackend(context);
    const checkpoint = await readGpt2Checkpoint({
      config: readFileSync(new URL('config.json', tinyDir), 'utf8'),
      weights: bufferByteSource(readFileSync(new URL('model.safetensors', tinyDir))),
    });
    const cpu = new CpuBackend();
    const models = [
      [backend, await Gpt2Model.fromCheckpoint(checkpoint, { backend })],
      [cpu, await Gpt2Model.fromCheckpoint(await halfCheckpoint(), { backend: cpu })],
    ] as const;
    for (const [on, model] of models) {
      const run = () => noGrad(() => model.forward(ids).logits);
      expect(dispatchesOf(on, 'matmulHalfB', run)[1], on.kind).toBe(0);
      model.dispose();
    }
  });
});

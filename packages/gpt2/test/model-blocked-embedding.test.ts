// The tied embedding split into row blocks (devices whose storage bindings cannot hold wte,
// e.g. lavapipe with GPT-2's 154 MB table): simulated on the CPU backend by announcing a small
// binding limit, the tiny model must still match the PyTorch goldens, and a trainable wte is
// refused with a typed error instead of silently getting no gradient.
import { backward, CpuBackend, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { Gpt2ModelError } from '../src/model/model-errors';
import { expectClose, goldenFloats, goldens, loadTinyModel } from './model-fixtures';

/** A CPU backend that reports WebGPU-style limits: 7 rows of 32 floats per binding. */
function limitedBackend(): CpuBackend {
  return Object.assign(new CpuBackend(), {
    device: { limits: { maxStorageBufferBindingSize: 7 * 32 * 4 } },
  });
}

describe('tied embedding in row blocks', () => {
  it('matches the goldens (logits, loss) on a padded batch', async () => {
    const model = await loadTinyModel(limitedBackend());
    const golden = goldens.cases.padded!;
    const out = model.forward(golden.input_ids, {
      attentionMask: golden.attention_mask,
      positionIds: golden.position_ids,
      labels: golden.labels,
    });
    expectClose(
      'blocked logits',
      await out.logits.data(),
      (await (await goldenFloats())('padded.logits')).data,
      1e-4,
    );
    expect(Math.abs((await out.loss!.item()) - golden.loss)).toBeLessThan(1e-4);
  });

  it('refuses to train wte through the blocks', async () => {
    const model = await loadTinyModel(limitedBackend());
    model.parameters.get('transformer.wte.weight')!.requiresGrad = true;
    expect(() => tidy(() => backward(model.forward([[1, 2]], { labels: [[1, 2]] }).loss!))).toThrow(
      Gpt2ModelError,
    );
  });
});

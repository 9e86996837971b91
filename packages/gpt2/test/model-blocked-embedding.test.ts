// The tied embedding split into row blocks (devices whose storage bindings cannot hold wte,
// e.g. lavapipe with GPT-2's 154 MB table): simulated on the CPU backend by announcing a small
// binding limit, the tiny model must still match the PyTorch goldens, and a trainable wte is
// refused with a typed error instead of silently getting no gradient. Greedy decoding then
// feeds host ids step by step, and must choose what the pipelined device-id decoding chooses.
import { backward, CpuBackend, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate/generate';
import { Gpt2ModelError } from '../src/model/model-errors';
import { expectClose, goldenFloats, goldens, loadTinyModel } from './model-fixtures';

/**
 * A CPU backend that reports WebGPU-style limits: 64 rows of 32 floats per binding, so wte's 96
 * rows take two blocks while the padded batch's logits (21 positions x 96 words) still fit.
 */
function limitedBackend(): CpuBackend {
  return Object.assign(new CpuBackend(), {
    device: { limits: { maxStorageBufferBindingSize: 64 * 32 * 4 } },
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

  it("refuses full logits beyond one binding before any work; 'last' still runs", async () => {
    const model = await loadTinyModel(limitedBackend());
    const rows = [Array.from({ length: 30 }, (_, t) => (t * 7) % 96)]; // 30 x 96 logits > 64 x 32
    expect(() => model.forward(rows)).toThrow(/logitsFor: expected 'last'.*at most 21 positions/);
    const last = model.forward(rows, { logitsFor: 'last' });
    const full = (await loadTinyModel(new CpuBackend())).forward(rows);
    expectClose(
      'last logits',
      await last.logits.data(),
      (await full.logits.data()).slice(29 * 96),
      1e-5,
    );
  });

  it('decodes greedily from host ids as the pipelined decoding does from device ids', async () => {
    const blocked = await loadTinyModel(limitedBackend());
    const plain = await loadTinyModel(new CpuBackend());
    expect(blocked.takesDeviceIds).toBe(false);
    expect(plain.takesDeviceIds).toBe(true);
    const { prompts, max_new_tokens: maxNewTokens } = goldens.greedy;
    // Rows finishing on eos at different steps; then eos held back and a banned id.
    for (const options of [
      { maxNewTokens },
      { maxNewTokens: 9, minNewTokens: 6, bannedTokenIds: [goldens.greedy.tokens[0]![1]!] },
    ]) {
      const fromHost = await generate(blocked, prompts, options);
      const fromDevice = await generate(plain, prompts, options);
      expect(fromHost).toEqual(fromDevice);
    }
    const eos = goldens.eos_token_id;
    const rows = await generate(blocked, prompts, { maxNewTokens });
    expect(rows.map((row) => row.tokens)).toEqual(
      goldens.greedy.tokens.map((row) => {
        const end = row.indexOf(eos);
        return end < 0 ? row : row.slice(0, end + 1);
      }),
    );
  });

  it('refuses to train wte through the blocks', async () => {
    const model = await loadTinyModel(limitedBackend());
    model.parameters.get('transformer.wte.weight')!.requiresGrad = true;
    expect(() => tidy(() => backward(model.forward([[1, 2]], { labels: [[1, 2]] }).loss!))).toThrow(
      Gpt2ModelError,
    );
  });
});

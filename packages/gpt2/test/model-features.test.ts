// Gpt2Model beyond the goldens (CPU backend, tiny model): the soft-prompt input of the
// embedding-only ablation, adapter hooks, HF-named parameters for selective training, the KV
// cache's reordering and ownership, and typed errors for bad inputs.
import { backward, CpuBackend, embedding, scale, tensor, tidy, zeros } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import type { Gpt2Config } from '../src/config/gpt2-config';
import { KvCache } from '../src/model/kv-cache';
import { Gpt2Model } from '../src/model/model';
import { Gpt2InputError, Gpt2ModelError } from '../src/model/model-errors';
import { expectClose, goldens, loadTinyModel } from './model-fixtures';

const backend = new CpuBackend();
const model = await loadTinyModel(backend);
const V = model.config.vocab_size;
const ids = goldens.cases.plain!.input_ids;

describe('Gpt2Model features', () => {
  it('a soft prompt equal to the embeddings of tokens acts like those tokens', async () => {
    const lead = [7, 19];
    const withTokens = model.forward(ids.map((row) => [...lead, ...row]));
    const softRows = embedding(
      tensor(Int32Array.from(lead), [2], { backend, dtype: 'i32' }),
      model.parameters.get('transformer.wte.weight')!,
    );
    const labels = ids.map((row) => row.map((id, t) => (t === 0 ? -100 : id)));
    const withSoft = model.forward(ids, { inputEmbeddingsPrefix: softRows, labels });
    const full = await withTokens.logits.data();
    const T = ids[0]!.length;
    const expected = ids.flatMap((_, b) =>
      Array.from(full.subarray((b * (T + 2) + 2) * V, (b + 1) * (T + 2) * V)),
    );
    expect(withSoft.logits.shape).toEqual([ids.length, T, V]);
    expectClose('soft prompt logits', await withSoft.logits.data(), expected, 1e-5);
    expect(withSoft.cache[0]!.key.shape[2]).toBe(T + 2);
    const fullLabels = ids.map((row) => [-100, -100, ...row.map((id, t) => (t === 0 ? -100 : id))]);
    const reference = model.forward(
      ids.map((row) => [...lead, ...row]),
      { labels: fullLabels },
    ).loss!;
    expect(Math.abs((await withSoft.loss!.item()) - (await reference.item()))).toBeLessThan(1e-5);
  });

  it('adapter hooks see every layer in order and replace the sub-layer outputs', async () => {
    const seen: string[] = [];
    const identity = model.forward(ids, {
      hooks: {
        afterAttention: (layer, output) => {
          seen.push(`attn${layer}`);
          return output;
        },
        afterMlp: (layer, output) => {
          seen.push(`mlp${layer}`);
          return output;
        },
      },
    });
    expect(seen).toEqual(['attn0', 'mlp0', 'attn1', 'mlp1']);
    const plain = await model.forward(ids).logits.data();
    expectClose('identity hooks', await identity.logits.data(), plain, 0);
    const zeroed = await model
      .forward(ids, { hooks: { afterMlp: (_, output) => scale(output, 0) } })
      .logits.data();
    expect(
      Array.from(zeroed, (value, index) => Math.abs(value - plain[index]!)).reduce(
        (most, difference) => Math.max(most, difference),
        0,
      ),
    ).toBeGreaterThan(1e-2);
  });

  it('names parameters as HF does, frozen by default; top-2 fine-tuning selects 12 tensors per block', async () => {
    const all = model.namedParameters();
    expect(all.length).toBe(2 + 12 * model.config.n_layer + 2);
    expect(all.every(([, parameter]) => !parameter.requiresGrad)).toBe(true);
    const L = model.config.n_layer;
    const top = model.namedParameters(
      (name) =>
        name.startsWith(`transformer.h.${L - 1}.`) || name.startsWith(`transformer.h.${L - 2}.`),
    );
    expect(top.length).toBe(24);
    for (const [, parameter] of top) parameter.requiresGrad = true;
    try {
      tidy(() => backward(model.forward(ids, { labels: ids }).loss!));
      expect(top.every(([, parameter]) => parameter.grad !== null)).toBe(true);
      expect(model.parameters.get('transformer.wte.weight')!.grad).toBeNull();
    } finally {
      for (const [, parameter] of top) {
        parameter.requiresGrad = false;
        parameter.grad?.dispose();
        parameter.grad = null;
      }
    }
  });

  it("the KV cache reorders rows (lazily), owns what it made and never frees the caller's prefix", async () => {
    const H = model.config.n_head;
    const D = model.config.n_embd / H;
    const prefix = Array.from({ length: model.config.n_layer }, () => ({
      key: zeros([1, H, 2, D], { backend }),
      value: zeros([1, H, 2, D], { backend }),
    }));
    const cache = new KvCache(prefix);
    expect([cache.rows, cache.length]).toEqual([1, 2]);
    const rows = goldens.cases.padded!.input_ids;
    const out = model.forward(rows, { past: cache.layers });
    cache.update(out.cache);
    expect(prefix[0]!.key.isDisposed).toBe(false);
    const before = await cache.layers[1]!.value.data();
    const owned = cache.layers[1]!.value;
    cache.reorder([2, 0, 0, 1]);
    // Recorded, not gathered: the next forward reads the rows in that order while copying them.
    const pending = cache.forwardPast();
    expect([pending.pastRowOrder, owned.isDisposed, cache.rows]).toEqual([[2, 0, 0, 1], false, 4]);
    const next = [[5], [6], [7], [8]];
    const viaOrder = await model.forward(next, { ...pending }).logits.data();
    const after = await cache.layers[1]!.value.data(); // gathers (and frees the old rows)
    expect(owned.isDisposed).toBe(true);
    expect(cache.forwardPast().pastRowOrder).toBeUndefined();
    const viaGather = await model.forward(next, { past: cache.layers }).logits.data();
    expectClose('forward with pastRowOrder vs gathered past', viaOrder, viaGather, 0);
    const row = before.length / 3;
    [2, 0, 0, 1].forEach((source, n) => {
      expectClose(
        `row ${n}`,
        after.subarray(n * row, (n + 1) * row),
        before.subarray(source * row, (source + 1) * row),
        0,
      );
    });
    expect(() => cache.reorder([4])).toThrow(Gpt2InputError);
    expect(() => model.forward(next, { past: cache.layers, pastRowOrder: [0, 1, 2, 9] })).toThrow(
      /pastRowOrder\[3\]/,
    );
    cache.dispose();
  });

  it('rejects bad inputs with typed errors naming the argument', () => {
    const H = model.config.n_head;
    const D = model.config.n_embd / H;
    const cases: [() => unknown, string][] = [
      [() => model.forward([[1, V]]), 'ids[0][1]'],
      [() => model.forward([[1, 2], [3]]), 'ids[1]'],
      [() => model.forward([[1, 2]], { labels: [[1, 2, 3]] }), 'labels'],
      [() => model.forward([[1, 2]], { attentionMask: [[1, 1, 1]] }), 'attentionMask'],
      [
        () => model.forward([[1, 2]], { positionOffset: model.config.n_positions - 1 }),
        'positionOffset',
      ],
      [
        () => model.forward([[1, 2]], { positionIds: [[0, model.config.n_positions]] }),
        'positionIds[0][1]',
      ],
      [
        () =>
          model.forward([[1, 2]], {
            past: [
              {
                key: zeros([1, H, 2, D + 1], { backend }),
                value: zeros([1, H, 2, D], { backend }),
              },
              { key: zeros([1, H, 2, D], { backend }), value: zeros([1, H, 2, D], { backend }) },
            ],
          }),
        'past[0].key',
      ],
      [() => model.forward([[1, 2]], { labels: [[1, 2]], logitsFor: 'last' }), 'labels'],
    ];
    for (const [call, argument] of cases) {
      expect(call).toThrow(Gpt2InputError);
      try {
        call();
      } catch (error) {
        expect((error as Gpt2InputError).argument).toBe(argument);
        expect((error as Gpt2InputError).code).toBe('GPT2_INPUT');
      }
    }
  });

  it('rejects parameter maps and configs it cannot run with Gpt2ModelError', () => {
    const parameters = new Map(model.parameters);
    parameters.delete('transformer.h.1.mlp.c_fc.bias');
    expect(() => new Gpt2Model(model.config, parameters)).toThrow(
      /transformer\.h\.1\.mlp\.c_fc\.bias: missing/,
    );
    // A config that skipped parseGpt2Config (which lists the four HF names) still fails here.
    const swish = { ...model.config, activation_function: 'swish' } as unknown as Gpt2Config;
    expect(() => new Gpt2Model(swish, model.parameters)).toThrow(Gpt2ModelError);
    expect(() => new Gpt2Model(swish, model.parameters)).toThrow(
      /activation_function: expected "gelu_new", "gelu_pytorch_tanh", "gelu" or "relu", got "swish"/,
    );
  });
});

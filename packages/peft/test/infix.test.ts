// Infix-tuning ([x; INFIX; y], the paper's Section 7.2): x never sees the infix, and y sees x and
// the infix at the positions after them. With the infix set to the LM's own keys/values of words
// w read after x, a row [x; y] gives exactly the plain LM's logits over [x; w; y] (minus w's).
import { noGrad, tensor } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { PeftConfigError } from '../src/errors';
import { createPeftModel } from '../src/methods';
import { activationsFromKeyValues } from '../src/prefix-tuning/prefix-key-values';
import { loadTinyModel, maxAbsDiff } from './tiny-model';

const SEP = 47;
const x = [5, 12, 9, SEP];
const w = [33, 34, 35];
const y = [30, 7, 2];

describe('infix', () => {
  it('equals the plain LM over [x; w; y] when the infix holds w keys/values read after x', async () => {
    const base = await loadTinyModel();
    const { n_layer: L, n_head: NH, n_embd: C, vocab_size: V } = base.config;
    const HS = C / NH;
    const P = w.length;
    const peft = await createPeftModel(base, {
      method: 'infix',
      infixLength: P,
      reparameterize: false,
      separatorTokenId: SEP,
    });
    const plain = noGrad(() => base.forward([[...x, ...w, ...y]]));
    const layers = [];
    for (const { key, value } of plain.cache) {
      const T = key.shape[2]!;
      const pick = async (t: typeof key) => {
        const all = await t.data();
        const out = new Float32Array(NH * P * HS);
        for (let h = 0; h < NH; h++)
          for (let p = 0; p < P; p++)
            for (let d = 0; d < HS; d++)
              out[(h * P + p) * HS + d] = all[(h * T + x.length + p) * HS + d]!;
        return out;
      };
      layers.push({ key: await pick(key), value: await pick(value) });
    }
    const data = activationsFromKeyValues(layers, { layers: L, heads: NH, channels: C, length: P });
    peft.parameters.load({ control_trans: { shape: [P, 2 * L * C], data } }, 'test');

    const labels = [[-100, -100, -100, -100, ...y]];
    const out = noGrad(() => peft.forward([[...x, ...y]], { labels }));
    const logits = await out.logits.data();
    const expected = await plain.logits.data();
    const T = x.length + y.length;
    expect(out.logits.shape).toEqual([1, T, V]);
    // x part: unaffected by the infix; y part: as after [x; w].
    expect(
      maxAbsDiff(logits.subarray(0, x.length * V), expected.subarray(0, x.length * V)),
    ).toBeLessThan(1e-5);
    expect(
      maxAbsDiff(logits.subarray(x.length * V), expected.subarray((x.length + P) * V)),
    ).toBeLessThan(1e-5);
    // The loss is the token mean of -log softmax over the shifted labels (from the logits above).
    let total = 0;
    let count = 0;
    for (let t = 0; t < T - 1; t++) {
      const label = labels[0]![t + 1]!;
      if (label === -100) continue;
      const row = logits.subarray(t * V, (t + 1) * V);
      const max = Array.from(row).reduce(
        (most: number, value: number) => Math.max(most, value),
        -Infinity,
      );
      const logSum =
        Math.log(Array.from(row).reduce((s: number, v: number) => s + Math.exp(v - max), 0)) + max;
      total += logSum - row[label]!;
      count++;
    }
    expect(await out.loss!.item()).toBeCloseTo(total / count, 4);
  });

  it('runs a row without the separator as the plain LM, and rejects tensors and masks', async () => {
    const base = await loadTinyModel();
    const peft = await createPeftModel(base, {
      method: 'infix',
      infixLength: 2,
      midDim: 8,
      separatorTokenId: SEP,
    });
    const row = [5, 12, 9, 30];
    const alone = await noGrad(() => peft.forward([row]).logits).data();
    expect(maxAbsDiff(alone, await noGrad(() => base.forward([row]).logits).data())).toBe(0);
    const ids = tensor(Int32Array.from(row), [1, 4], { backend: base.backend, dtype: 'i32' });
    expect(() => peft.forward(ids)).toThrow(PeftConfigError);
    expect(() => peft.forward([row], { attentionMask: [[1, 1, 1, 1]] })).toThrow(
      /no attentionMask/,
    );
  });
});

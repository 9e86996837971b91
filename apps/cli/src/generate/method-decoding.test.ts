// decodingSetup must decode with exactly the method that was trained: for every method that
// generate supports, the logits of the setup's model + options equal the method's own forward.
import { parseGpt2Config } from '@prefixkit/gpt2';
import { createPeftModel, createRandomGpt2, type PeftModel, Trainer } from '@prefixkit/peft';
import { CpuBackend, keep, noGrad, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { decodingSetup } from './method-decoding';

const config = parseGpt2Config({
  model_type: 'gpt2',
  vocab_size: 50,
  n_positions: 16,
  n_embd: 8,
  n_layer: 2,
  n_head: 2,
});
const ids = [[1, 7, 3, 9, 4]];
const examples = [{ inputIds: [1, 7, 3, 9, 4, 2], labels: [-100, -100, 3, 9, 4, 2] }];

async function logits(run: () => { logits: { data(): Promise<ArrayLike<number>> } }) {
  const out = noGrad(() => tidy(() => keep(run().logits as never))) as {
    data(): Promise<ArrayLike<number>>;
  };
  return Array.from(await out.data());
}

/** A method moved off its (often identity) initialisation by one large training step. */
async function trained(json: object): Promise<PeftModel> {
  const base = await createRandomGpt2(config, { backend: new CpuBackend(), seed: 1 });
  const peft = await createPeftModel(base, json, { seed: 2 });
  await new Trainer(peft, {
    train: examples,
    config: { maxSteps: 1, batchSize: 1, learningRate: 0.1, padTokenId: 0 },
  }).train();
  return peft;
}

describe('decodingSetup', () => {
  const cases: [string, object][] = [
    ['prefix', { method: 'prefix', prefixLength: 3, midDim: 4 }],
    ['prefix-flat', { method: 'prefix-flat', prefixLength: 2 }],
    ['embedding-only', { method: 'embedding-only', prefixLength: 2 }],
    ['adapter', { method: 'adapter', bottleneck: 2 }],
    ['lora', { method: 'lora', r: 2, targetModules: ['attn.c_attn', 'mlp.c_fc'] }],
    ['ft-top2', { method: 'ft-top2' }],
  ];
  for (const [name, json] of cases) {
    it(`decodes ${name} as its forward computes it`, async () => {
      const peft = await trained(json);
      const setup = await decodingSetup(peft.base, peft);
      const { past, hooks, inputEmbeddingsPrefix, positionsFromZero } = setup.options;
      const viaSetup = await logits(() =>
        setup.model.forward(ids, {
          past,
          hooks,
          inputEmbeddingsPrefix,
          ...(positionsFromZero ? { positionOffset: 0 } : {}),
        }),
      );
      const viaMethod = await logits(() => peft.forward(ids));
      const plain = await logits(() => peft.base.forward(ids));
      expect(viaSetup.length).toBe(viaMethod.length);
      for (const [index, value] of viaSetup.entries())
        expect(value).toBeCloseTo(viaMethod[index]!, 5);
      // ...and the method really changes the model (the comparison is not vacuous).
      expect(
        Math.max(...viaMethod.map((value, index) => Math.abs(value - plain[index]!))),
      ).toBeGreaterThan(1e-4);
    });
  }

  it('refuses infix, whose slots sit between input and output', async () => {
    const peft = await trained({ method: 'infix', infixLength: 2, midDim: 4, separatorTokenId: 4 });
    await expect(decodingSetup(peft.base, peft)).rejects.toThrow(
      /generation with method 'infix' is not supported/,
    );
  });
});

// The golden and contract checks again on the WebGPU backend (Dawn; lavapipe on CI machines):
// loss and every gradient against PyTorch, frozen weights bit-identical after AdamW steps,
// save -> load round trip and the mixed-prefix batch equal to separate runs. Without an adapter
// the tests fail when CI is set and are skipped otherwise (tensor's webgpu-fixture).
import { AdamW, backward, noGrad, tidy } from '@prefixkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { getWebGpuBackend } from '../../tensor/test/webgpu-fixture';
import { loadPeft } from '../src/formats/load-peft';
import { savePeft } from '../src/formats/save-peft';
import { createPeftModel, type MethodName } from '../src/methods';
import { mixedPrefixForward } from '../src/mixed/mixed-prefix-forward';
import type { HostTensor } from '../src/parameter-store';
import type { PrefixTuningModel } from '../src/prefix-tuning/prefix-tuning';
import {
  contractIds,
  contractLabels,
  EOS,
  trainTwoStepsKeepingBaseFrozen,
} from './contract-checks';
import { decodingConfigs, expectDecodingAsForward, trained } from './decoding-checks';
import { type Goldens, loadGoldens, loadTinyModel, maxAbsDiff } from './tiny-model';

let goldens: Awaited<ReturnType<typeof loadGoldens>>;
let summary: Goldens;
beforeAll(async () => {
  goldens = await loadGoldens();
  summary = goldens.summary;
});

const ids = contractIds;
const labels = contractLabels;

const goldenConfigs: Record<string, (g: Goldens) => object> = {
  prefix: (g) => ({ method: 'prefix', prefixLength: g.prefixLength, midDim: g.midDim }),
  'prefix-flat': (g) => ({ method: 'prefix-flat', prefixLength: g.prefixLength }),
  adapter: (g) => ({ method: 'adapter', bottleneck: g.bottleneck, init: 'normal' }),
  'ft-top2': () => ({ method: 'ft-top2' }),
};

describe.each(Object.keys(goldenConfigs))('WebGPU golden %s', (name) => {
  it('matches PyTorch: loss, every gradient, and two AdamW steps', async (context) => {
    const base = await loadTinyModel(await getWebGpuBackend(context));
    const peft = await createPeftModel(base, goldenConfigs[name]!(summary));
    const golden = summary.cases[name]!;
    const init: Record<string, HostTensor> = {};
    for (const tensorName of golden.names)
      init[tensorName] = await goldens.tensor(`${name}/init/${tensorName}`);
    peft.parameters.load(init, 'goldens.safetensors');
    const optimizer = new AdamW(peft.parameters.list(), { lr: summary.lr, weightDecay: 0.01 });
    for (const step of [1, 2]) {
      const loss = tidy(() => {
        const { loss } = peft.forward(summary.ids, { labels: summary.labels });
        backward(loss!);
        return loss!;
      });
      expect(await loss.item()).toBeCloseTo(golden.steps['0.01']![step - 1]!, 4);
      if (step === 1) {
        for (const [tensorName, parameter] of peft.parameters.entries()) {
          const expected = await goldens.tensor(`${name}/grad/${tensorName}`);
          const scaleOf = expected.data.reduce(
            (most, value) => Math.max(most, Math.abs(value)),
            1e-3,
          );
          expect(
            maxAbsDiff(await parameter.grad!.data(), expected.data) / scaleOf,
            tensorName,
          ).toBeLessThan(5e-4);
        }
      }
      noGrad(() => optimizer.step());
      optimizer.zeroGrad();
    }
    for (const [tensorName, parameter] of peft.parameters.entries()) {
      const expected = await goldens.tensor(`${name}/wd=0.01/step2/${tensorName}`);
      // Two Adam steps move an element by at most ~2 lr; where the gradient is ~0 the direction
      // is rounding noise (see golden.test.ts), so the bound is 2 lr plus a margin everywhere.
      expect(maxAbsDiff(await parameter.data(), expected.data), tensorName).toBeLessThan(
        summary.lr * 3,
      );
    }
    peft.dispose();
  });
});

const contractConfigs: Record<MethodName, object> = {
  prefix: { method: 'prefix', prefixLength: 3, midDim: 8, dropout: 0.1 },
  'prefix-flat': { method: 'prefix-flat', prefixLength: 3 },
  'embedding-only': { method: 'embedding-only', prefixLength: 3 },
  infix: { method: 'infix', infixLength: 2, midDim: 8, separatorTokenId: EOS },
  adapter: { method: 'adapter', bottleneck: 4, init: 'normal' },
  lora: { method: 'lora', r: 2, targetModules: ['attn.c_attn', 'mlp.c_proj'] },
  'ft-full': { method: 'ft-full' },
  'ft-top2': { method: 'ft-top2', includeHead: true },
};

describe.each(Object.keys(contractConfigs) as MethodName[])('WebGPU contract %s', (name) => {
  it('keeps the base bit-identical while training, and round-trips save/load', async (context) => {
    const base = await loadTinyModel(await getWebGpuBackend(context));
    const peft = await trainTwoStepsKeepingBaseFrozen(base, contractConfigs[name], {
      dropoutSeedPerStep: true,
    });

    const files = await savePeft(peft);
    const loaded = await loadPeft(base, {
      config: files['adapter_config.json'],
      weights: files['adapter_model.safetensors'],
    });
    const loss = (model: typeof peft) => noGrad(() => model.forward(ids, { labels }).loss!).item();
    expect(Math.abs((await loss(loaded)) - (await loss(peft)))).toBeLessThan(1e-5);
    loaded.dispose();
    peft.dispose();
  });
});

describe.each(['prefix', 'prefix-flat'] as const)('WebGPU mixed-prefix batch (%s)', (name) => {
  it('gives every row what it gets alone with its prefix (or none)', async (context) => {
    const base = await loadTinyModel(await getWebGpuBackend(context));
    const config = { ...contractConfigs[name], dropout: 0 };
    const first = (await createPeftModel(base, config, { seed: 3 })) as PrefixTuningModel;
    const second = (await createPeftModel(
      base,
      { ...config, prefixLength: 5 },
      { seed: 4 },
    )) as PrefixTuningModel;
    const rows = [ids[0]!, ids[1]!, ids[0]!];
    const prefixes = [first.exportActivations(), null, second.exportActivations()];
    const mixed = await noGrad(() => mixedPrefixForward(base, rows, { prefixes })).logits.data();
    const alone = [
      noGrad(() => first.forward([rows[0]!]).logits),
      noGrad(() => base.forward([rows[1]!]).logits),
      noGrad(() => second.forward([rows[2]!]).logits),
    ];
    const width = mixed.length / rows.length;
    for (const [row, logits] of alone.entries())
      expect(
        maxAbsDiff(mixed.subarray(row * width, (row + 1) * width), await logits.data()),
        `row ${row}`,
      ).toBeLessThan(1e-5);
  });
});

describe.each(['prefix', 'infix', 'embedding-only', 'lora'] as const)(
  'WebGPU decoding (%s)',
  (name) => {
    it('decodes exactly as its forward computes', async (context) => {
      await expectDecodingAsForward(
        await trained(decodingConfigs[name], await getWebGpuBackend(context)),
      );
    });
  },
);

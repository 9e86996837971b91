// One contract over every method (PEFT's PeftCommonTester): frozen weights bit-identical after
// training steps, the trainable count as the configs state it, save -> load round trip, and
// (prefix methods) a batch of mixed prefixes equal to separate runs.
import { AdamW, backward, noGrad, tidy } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { loadPeft } from '../src/formats/load-peft';
import { savePeft } from '../src/formats/save-peft';
import {
  countTrainableParameters,
  createPeftModel,
  type MethodName,
  methods,
} from '../src/methods';
import { mixedPrefixForward } from '../src/mixed/mixed-prefix-forward';
import type { PrefixTuningModel } from '../src/prefix-tuning/prefix-tuning';
import {
  contractIds,
  contractLabels,
  EOS,
  trainTwoStepsKeepingBaseFrozen,
} from './contract-checks';
import { loadTinyModel, maxAbsDiff } from './tiny-model';

const ids = contractIds;
const labels = contractLabels;

const configs: Record<MethodName, object> = {
  prefix: { method: 'prefix', prefixLength: 3, midDim: 8 },
  'prefix-flat': { method: 'prefix-flat', prefixLength: 3 },
  'embedding-only': { method: 'embedding-only', prefixLength: 3 },
  infix: { method: 'infix', infixLength: 2, midDim: 8, separatorTokenId: EOS },
  adapter: { method: 'adapter', bottleneck: 4, init: 'normal' },
  lora: { method: 'lora', r: 2, targetModules: ['attn.c_attn', 'mlp.c_fc'] },
  'ft-full': { method: 'ft-full' },
  'ft-top2': { method: 'ft-top2' },
};

it('registers every method exactly once', () => {
  expect(Object.keys(methods).sort()).toEqual(Object.keys(configs).sort());
});

describe.each(Object.keys(configs) as MethodName[])('method %s', (name) => {
  it('trains only its own tensors: the base model stays bit-identical', async () => {
    await trainTwoStepsKeepingBaseFrozen(await loadTinyModel(), configs[name]);
  });

  it('counts its trainable parameters as the config states', async () => {
    const base = await loadTinyModel();
    const peft = await createPeftModel(base, configs[name]);
    expect(peft.parameters.count()).toBe(countTrainableParameters(base.config, configs[name]));
    expect(countTrainableParameters(peft)).toBe(peft.parameters.count());
    expect(peft.parameters.list().every((t) => t.requiresGrad)).toBe(true);
  });

  it('round-trips through save and load', async () => {
    const base = await loadTinyModel();
    const peft = await createPeftModel(base, configs[name], { seed: 2 });
    const optimizer = new AdamW(peft.parameters.list(), { lr: 1e-2 });
    tidy(() => backward(peft.forward(ids, { labels }).loss!));
    noGrad(() => optimizer.step());
    const files = await savePeft(peft, { baseModelNameOrPath: 'tiny' });
    const loaded = await loadPeft(base, {
      config: files['adapter_config.json'],
      weights: files['adapter_model.safetensors'],
    });
    const loss = async (model: typeof peft) =>
      noGrad(() => model.forward(ids, { labels }).loss!).item();
    expect(Math.abs((await loss(loaded)) - (await loss(peft)))).toBeLessThan(1e-5);
    if (name === 'prefix' || name === 'prefix-flat')
      expect(JSON.parse(files['adapter_config.json']).peft_type).toBe('PREFIX_TUNING');
    if (name === 'lora') expect(JSON.parse(files['adapter_config.json']).peft_type).toBe('LORA');
  });
});

it('saves an adapter sized by parameterFraction as the width it trained, and loads it', async () => {
  // A config takes bottleneck or parameterFraction, never both: the saved one must stay valid.
  const base = await loadTinyModel();
  const peft = await createPeftModel(base, { method: 'adapter', parameterFraction: 0.01 });
  const files = await savePeft(peft, { baseModelNameOrPath: 'tiny' });
  const saved = JSON.parse(files['adapter_config.json']).method;
  expect(saved.parameterFraction).toBeUndefined();
  expect(saved.bottleneck).toBeGreaterThan(0);
  const loaded = await loadPeft(base, {
    config: files['adapter_config.json'],
    weights: files['adapter_model.safetensors'],
  });
  expect(loaded.parameters.count()).toBe(peft.parameters.count());
});

describe.each(['prefix', 'prefix-flat'] as const)('mixed-prefix batch (%s)', (name) => {
  it('gives every row what it gets alone with its prefix (or none)', async () => {
    const base = await loadTinyModel();
    const first = (await createPeftModel(base, configs[name], { seed: 3 })) as PrefixTuningModel;
    const second = (await createPeftModel(
      base,
      { ...configs[name], prefixLength: 5 },
      { seed: 4 },
    )) as PrefixTuningModel;
    const rows = [ids[0]!, ids[1]!, ids[0]!];
    const prefixes = [first.exportActivations(), null, second.exportActivations()];
    const mixed = noGrad(() => mixedPrefixForward(base, rows, { prefixes }));
    const mixedLogits = await mixed.logits.data();
    const alone = [
      noGrad(() => first.forward([rows[0]!]).logits),
      noGrad(() => base.forward([rows[1]!]).logits),
      noGrad(() => second.forward([rows[2]!]).logits),
    ];
    const width = mixedLogits.length / 3;
    for (const [row, logits] of alone.entries()) {
      expect(
        maxAbsDiff(mixedLogits.subarray(row * width, (row + 1) * width), await logits.data()),
        `row ${row}`,
      ).toBeLessThan(1e-5);
    }
  });
});

// forward({ logitsFor: 'none' }) (the loss without full logits, src/model/labelled-rows-loss.ts)
// against the full-logits path of the same model: both reductions, with a prefix (past), a left-
// padded batch with an attention mask and position ids, fully masked rows, a soft prompt, the
// default chunking and forced tiny chunks; loss values and the gradients of the prefix and of
// trainable parameters (ln_f, an MLP weight, wte) must agree, on CPU (f32 and f64) and WebGPU.
import { backward, keep, sum, type Tensor, tensor, tidy, zeroGrad } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import type { LossReduction } from '../src/model/loss';
import type { Gpt2ForwardOptions, Gpt2Model } from '../src/model/model';
import { Gpt2InputError } from '../src/model/model-errors';
import {
  backendFor,
  backendKinds,
  expectClose,
  goldenFloats,
  goldens,
  loadTinyModel,
} from './model-fixtures';
import { prefixFrom } from './model-prefix';

interface LossCase {
  readonly ids: number[][];
  readonly labels: number[][];
  readonly attentionMask?: number[][];
  readonly positionIds?: number[][];
  readonly prefix?: boolean;
  readonly softPrompt?: boolean;
}

const padded = goldens.cases.padded_prefix!;
const plain = goldens.cases.plain!;
const cases: Record<string, LossCase> = {
  'left-padded batch, attention mask, positions, prefix': {
    ids: padded.input_ids,
    labels: padded.labels,
    attentionMask: padded.attention_mask!,
    positionIds: padded.position_ids!,
    prefix: true,
  },
  'rows with no target (all -100; only t=0 labelled) and one with a single target': {
    ids: [...plain.input_ids, plain.input_ids[0]!, plain.input_ids[1]!],
    labels: [
      plain.labels[0]!,
      plain.labels[1]!.map(() => -100),
      plain.labels[0]!.map((label, t) => (t === 0 ? label : -100)),
      plain.labels[1]!.map((label, t) => (t === 6 ? label : -100)),
    ],
    prefix: true,
  },
  'soft prompt rows before the tokens': {
    ids: plain.input_ids,
    labels: plain.labels.map((row) => row.map((label, t) => (t < 3 ? -100 : label))),
    softPrompt: true,
  },
};

const trainedNames = [
  'transformer.ln_f.weight',
  'transformer.h.1.mlp.c_fc.weight',
  'transformer.wte.weight',
];

interface Result {
  loss: number[];
  grads: Record<string, Float32Array | Float64Array>;
}

/** Loss and gradients (prefix or soft prompt, and the trained parameters) of one forward. */
async function lossAndGradients(
  model: Gpt2Model,
  c: LossCase,
  options: Pick<Gpt2ForwardOptions, 'logitsFor' | 'lossReduction' | 'logitsChunkRows'>,
): Promise<Result> {
  const backend = model.backend;
  const dtype = model.dtype;
  const prefixKv = await (await goldenFloats())('prefix_kv');
  const trained = trainedNames.map((name) => model.parameters.get(name)!);
  for (const parameter of trained) parameter.requiresGrad = true;
  const leaf = c.prefix
    ? tensor(prefixKv.data, prefixKv.shape, { backend, dtype, requiresGrad: true })
    : c.softPrompt
      ? tensor(prefixKv.data.subarray(0, 3 * model.config.n_embd), [3, model.config.n_embd], {
          backend,
          dtype,
          requiresGrad: true,
        })
      : null;
  const loss = tidy(() => {
    const out = model.forward(c.ids, {
      ...options,
      labels: c.labels,
      attentionMask: c.attentionMask,
      positionIds: c.positionIds,
      past: c.prefix ? prefixFrom(leaf!) : undefined,
      inputEmbeddingsPrefix: c.softPrompt ? leaf! : undefined,
    });
    if (options.logitsFor === 'none') expect(out.logits.shape).toEqual([c.ids.length, 0, 96]);
    backward(sum(out.loss!));
    return keep(out.loss!);
  });
  const grads: Result['grads'] = {};
  for (const [name, t] of [...trainedNames.map((n, k) => [n, trained[k]!] as const)].concat(
    leaf ? [['input', leaf] as const] : [],
  )) {
    grads[name] = (await t.grad!.data()) as Float32Array | Float64Array;
  }
  const values = Array.from(await loss.data());
  loss.dispose();
  zeroGrad(trained);
  for (const parameter of trained) parameter.requiresGrad = false;
  leaf?.dispose();
  return { loss: values, grads };
}

/** Checks losses and every gradient agree within `tolerance` (relative to the loss size). */
function expectSame(name: string, actual: Result, expected: Result, tolerance: number) {
  expect(actual.loss.length).toBe(expected.loss.length);
  actual.loss.forEach((value, k) => {
    const want = expected.loss[k]!;
    if (Number.isNaN(want)) expect(value).toBeNaN();
    else
      expect(Math.abs(value - want)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want)));
  });
  for (const key of Object.keys(expected.grads))
    expectClose(`${name} grad ${key}`, actual.grads[key]!, expected.grads[key]!, tolerance);
}

const reductions: LossReduction[] = ['mean', 'sum-per-sequence'];

describe.each(backendKinds)("logitsFor 'none' equals the full-logits loss on %s", (kind) => {
  let model: Gpt2Model | undefined;
  const setup = async (context: { skip(note?: string): void }) => {
    model ??= await loadTinyModel(await backendFor(kind, context));
    return model;
  };

  for (const [name, c] of Object.entries(cases)) {
    for (const lossReduction of reductions) {
      it(`${name} (${lossReduction}): default, 1-row and 3-row chunks`, async (context) => {
        const m = await setup(context);
        const full = await lossAndGradients(m, c, { lossReduction });
        // The gradients are not all zero (the comparison would be empty otherwise).
        expect(Object.values(full.grads).every((g) => g.some((v) => v !== 0))).toBe(true);
        for (const logitsChunkRows of [undefined, 1, 3]) {
          const none = await lossAndGradients(m, c, {
            lossReduction,
            logitsFor: 'none',
            logitsChunkRows,
          });
          // f32 sums of a few token losses, summed in another order: rounding only.
          expectSame(`${name} chunks ${logitsChunkRows}`, none, full, 2e-5);
        }
      });
    }
  }

  it('a batch with no target at all: NaN mean and zero sums, as the full path, zero gradients', async (context) => {
    const m = await setup(context);
    const c: LossCase = {
      ids: plain.input_ids,
      labels: plain.labels.map((r) => r.map(() => -100)),
      prefix: true,
    };
    for (const lossReduction of reductions) {
      const full = await lossAndGradients(m, c, { lossReduction });
      const none = await lossAndGradients(m, c, { lossReduction, logitsFor: 'none' });
      // 0/0: NaN in f32 on the CPU (torch too); WGSL leaves it to the device, so compare there.
      if (lossReduction === 'sum-per-sequence') expect(none.loss).toEqual([0, 0]);
      else if (kind === 'cpu') expect(none.loss[0]).toBeNaN();
      expect(none.loss).toEqual(full.loss);
      for (const grad of Object.values(none.grads)) expect(grad.every((v) => v === 0)).toBe(true);
    }
  });
});

describe("logitsFor 'none' in float64 (CPU): equal to rounding", () => {
  it.each(reductions)('%s, prefix and left padding, 2-row chunks', async (lossReduction) => {
    const { CpuBackend } = await import('@prefixkit/tensor');
    const model = await loadTinyModel(new CpuBackend(), 'f64');
    const c = cases['left-padded batch, attention mask, positions, prefix']!;
    const full = await lossAndGradients(model, c, { lossReduction });
    const none = await lossAndGradients(model, c, {
      lossReduction,
      logitsFor: 'none',
      logitsChunkRows: 2,
    });
    expectSame('f64', none, full, 1e-12);
  });
});

describe("logitsFor 'none': inputs", () => {
  const load = async () => {
    const { CpuBackend } = await import('@prefixkit/tensor');
    return loadTinyModel(new CpuBackend());
  };

  it('refuses labels given as a tensor (rows are picked on the host)', async () => {
    const model = await load();
    const labels: Tensor = tensor(Int32Array.from(plain.labels.flat()), [2, 7], {
      backend: model.backend,
      dtype: 'i32',
    });
    expect(() => tidy(() => model.forward(plain.input_ids, { labels, logitsFor: 'none' }))).toThrow(
      Gpt2InputError,
    );
  });

  it.each([0, -2, 1.5, Number.NaN])('refuses logitsChunkRows %s', async (logitsChunkRows) => {
    const model = await load();
    expect(() =>
      tidy(() =>
        model.forward(plain.input_ids, {
          labels: plain.labels,
          logitsFor: 'none',
          logitsChunkRows,
        }),
      ),
    ).toThrow(/logitsChunkRows: expected a positive integer/);
  });

  it('without labels: no loss, empty logits, the same cache as the full forward', async () => {
    const model = await load();
    const none = model.forward(plain.input_ids, { logitsFor: 'none' });
    const full = model.forward(plain.input_ids);
    expect(none.loss).toBeNull();
    expect(none.logits.shape).toEqual([2, 0, 96]);
    expectClose('cache', await none.cache[1]!.value.data(), await full.cache[1]!.value.data(), 0);
  });
});

// The trainer: resume after a checkpoint repeats the uninterrupted run bit for bit (CPU), a
// prefix lowers held-out loss clearly below the untrained model's, a trained prefix changes what
// the frozen model generates, and bad settings are typed.
import { ConfigValidationError } from '@prefixkit/errors';
import { generate, gpt2Preset } from '@prefixkit/gpt2';
import { noGrad } from '@prefixkit/tensor';
import { describe, expect, it } from 'vitest';
import { NonFiniteLossError, TrainerError } from '../src/errors';
import { countTrainableParameters, createPeftModel } from '../src/methods';
import { baseParameterCount } from '../src/parameter-count-base';
import type { PrefixTuningModel } from '../src/prefix-tuning/prefix-tuning';
import { Trainer } from '../src/trainer/trainer';
import { loadTinyModel } from './tiny-model';

const EOS = 47;
/** A toy data-to-text task: source "a b" -> target "b a b", as token ids with masked prompts. */
function examples(count: number, seed: number) {
  const out = [];
  for (let k = 0; k < count; k++) {
    const a = 1 + ((k * 7 + seed) % 20);
    const b = 21 + ((k * 3 + seed * 5) % 20);
    const inputIds = [a, b, EOS, b, a, b, EOS];
    out.push({ inputIds, labels: inputIds.map((id, t) => (t <= 2 ? -100 : id)) });
  }
  return out;
}

describe('Trainer', () => {
  const config = {
    learningRate: 1e-2,
    warmupSteps: 2,
    batchSize: 3,
    gradientAccumulationSteps: 2,
    maxGradNorm: 0.5,
    weightDecay: 0.01,
    maxSteps: 6,
    seed: 7,
  };
  const method = { method: 'prefix', prefixLength: 3, midDim: 8, dropout: 0.1 };

  it('resumes from a checkpoint bit for bit', async () => {
    const base = await loadTinyModel();
    const train = examples(10, 1);
    const straight = new Trainer(await createPeftModel(base, method), { config, train });
    await straight.train();

    let saved: Awaited<ReturnType<Trainer['checkpoint']>> | undefined;
    const controller = new AbortController();
    const stopAt3 = new Trainer(await createPeftModel(base, method), {
      config,
      train,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.step === 3) controller.abort();
      },
      saveCheckpoint: async (files) => {
        saved = files;
      },
    });
    expect((await stopAt3.train()).stoppedBy).toBe('aborted');
    expect(JSON.parse(saved!['trainer_state.json']).step).toBe(3);

    const resumed = new Trainer(await createPeftModel(base, method, { seed: 99 }), {
      config,
      train,
    });
    await resumed.restore(saved!);
    const result = await resumed.train();
    expect(result.steps).toBe(6);
    const a = await straight.peft.parameters.toHost();
    const b = await resumed.peft.parameters.toHost();
    for (const name of Object.keys(a))
      expect(
        Buffer.from(b[name]!.data.buffer).equals(Buffer.from(a[name]!.data.buffer)),
        name,
      ).toBe(true);
  });

  it('stops at the next step boundary when an event handler aborts during a CPU run', async () => {
    // On the CPU backend a step never waits for I/O, so a signal handler (a macrotask, as
    // setImmediate is) only runs if the trainer yields to the event loop between steps.
    const base = await loadTinyModel();
    const train = examples(10, 1);
    const run = async (abortAfterStep: number) => {
      const controller = new AbortController();
      const saved: number[] = [];
      const trainer = new Trainer(await createPeftModel(base, method), {
        config: { ...config, maxSteps: 12 },
        train,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.step === abortAfterStep) setImmediate(() => controller.abort());
        },
        saveCheckpoint: async (_files, step) => {
          saved.push(step);
        },
      });
      if (abortAfterStep === 0) setImmediate(() => controller.abort());
      return { result: await trainer.train(), saved };
    };
    const atTwo = await run(2);
    expect(atTwo.result).toMatchObject({ steps: 2, stoppedBy: 'aborted' });
    expect(atTwo.saved).toEqual([2]);
    // Before the first step: nothing is trained and a step-0 checkpoint makes --resume possible.
    const beforeFirst = await run(0);
    expect(beforeFirst.result).toMatchObject({ steps: 0, stoppedBy: 'aborted' });
    expect(beforeFirst.saved).toEqual([0]);
  });

  it('saves each step once, and never again a state restored from its checkpoint', async () => {
    const base = await loadTinyModel();
    const train = examples(4, 2);
    const saves: number[] = [];
    const checkpoints = new Map<number, Awaited<ReturnType<Trainer['checkpoint']>>>();
    const settings = { ...config, maxSteps: 4, checkpointEvery: 2, evalEvery: 0 };
    const first = new Trainer(await createPeftModel(base, method), {
      config: settings,
      train,
      eval: train,
      saveCheckpoint: async (files, step) => {
        saves.push(step);
        checkpoints.set(step, files);
      },
    });
    expect((await first.train()).evaluations).toHaveLength(1);
    // Step 4 is the last: saved once, after the final evaluation, not also as a periodic one.
    expect(saves).toEqual([2, 4]);
    const restored = new Trainer(await createPeftModel(base, method), {
      config: settings,
      train,
      eval: train,
      saveCheckpoint: async (_files, step) => {
        saves.push(step);
      },
    });
    await restored.restore(checkpoints.get(4)!);
    const again = await restored.train();
    expect(again).toMatchObject({ steps: 4, stoppedBy: 'completed', evaluations: [] });
    expect(saves).toEqual([2, 4]);
  });

  it('lowers held-out loss clearly below the untrained model (end to end)', async () => {
    const base = await loadTinyModel();
    const peft = await createPeftModel(base, { method: 'prefix', prefixLength: 4, midDim: 32 });
    const progress: number[] = [];
    const trainer = new Trainer(peft, {
      config: { learningRate: 1e-2, batchSize: 4, maxSteps: 100, evalEvery: 50, seed: 3 },
      train: examples(64, 2),
      eval: examples(16, 11),
      onProgress: (event) => progress.push(event.tokensPerSecond),
    });
    const untrained = await trainer.evaluateNow();
    const result = await trainer.train();
    expect(result.evaluations.length).toBe(2);
    expect(result.bestEvalLoss!).toBeLessThan(untrained.evalLoss * 0.7);
    expect(progress.length).toBe(100);
    expect(progress.every((value) => value > 0)).toBe(true);
  });

  it('steers greedy generation of held-out sources to the trained template', async () => {
    // Source "name <eos>", target "41 42 name 43 <eos>": a fixed template with one slot.
    const template = (name: number) => {
      const inputIds = [name, EOS, 41, 42, name, 43, EOS];
      return { inputIds, labels: inputIds.map((id, t) => (t < 2 ? -100 : id)) };
    };
    const train = Array.from({ length: 32 }, (_, k) => template(1 + k));
    const heldOut = [33, 34, 35, 36, 37, 38, 39, 40].map(template);
    const peft = (await createPeftModel(await loadTinyModel(), {
      method: 'prefix',
      prefixLength: 4,
      midDim: 32,
    })) as PrefixTuningModel;
    /** How many held-out sources the frozen model + prefix continues with "41 42". */
    const templateStarts = async () => {
      const past = noGrad(() => peft.keyValues());
      const rows = await generate(
        peft.base,
        heldOut.map((example) => example.inputIds.slice(0, 2)),
        { past, maxNewTokens: 2, eosTokenId: null },
      );
      for (const layer of past) {
        layer.key.dispose();
        layer.value.dispose();
      }
      return rows.filter((row) => row.tokens.join() === '41,42').length;
    };
    const before = await templateStarts();
    await new Trainer(peft, {
      config: { learningRate: 3e-2, batchSize: 8, maxSteps: 40, seed: 5 },
      train,
    }).train();
    const after = await templateStarts();
    expect(before).toBeLessThanOrEqual(1);
    expect(after).toBeGreaterThanOrEqual(7);
  });

  it('rejects bad settings with the field named', async () => {
    const peft = await createPeftModel(await loadTinyModel(), {
      method: 'prefix-flat',
      prefixLength: 2,
    });
    expect(() => new Trainer(peft, { config: { batchSize: 0 }, train: examples(2, 0) })).toThrow(
      ConfigValidationError,
    );
    expect(() => new Trainer(peft, { config: { batchSize: 0 }, train: examples(2, 0) })).toThrow(
      /field \/batchSize/,
    );
    await expect(
      createPeftModel(peft.base, { method: 'prefix', prefixLength: 401 }),
    ).rejects.toThrow(/field \/prefixLength/);
    await expect(createPeftModel(peft.base, { method: 'nope' })).rejects.toThrow(/field \/method/);
  });
});

describe('Trainer refuses what would train nothing or NaN', () => {
  it('stops on a non-finite loss before the optimiser writes it into the parameters', async () => {
    const peft = await createPeftModel(await loadTinyModel(), {
      method: 'prefix-flat',
      prefixLength: 2,
    });
    // A learning rate this large makes step 1's update overflow the next forward pass.
    const trainer = new Trainer(peft, {
      config: { learningRate: 1e38, warmupSteps: 0, maxGradNorm: null, batchSize: 2, maxSteps: 9 },
      train: examples(4, 0),
    });
    let error: unknown;
    let before = await peft.parameters.toHost();
    for (let step = 0; step < 9 && error === undefined; step++) {
      before = await peft.parameters.toHost();
      error = await trainer.optimizerStep().then(
        () => undefined,
        (caught: unknown) => caught,
      );
    }
    expect(error).toBeInstanceOf(NonFiniteLossError);
    const failed = error as NonFiniteLossError;
    expect(failed.code).toBe('PEFT_NON_FINITE_LOSS');
    expect(failed.step).toBe(trainer.step + 1);
    expect(failed.message).toMatch(
      /^step \d+: the training loss of micro-batch 1 is (NaN|-?Infinity); stopped before the optimiser step/,
    );
    const after = await peft.parameters.toHost();
    for (const [name, tensor] of Object.entries(after)) {
      expect(Array.from(tensor.data), name).toEqual(Array.from(before[name]!.data));
      expect(tensor.data.every(Number.isFinite), name).toBe(true);
    }
  });

  it('refuses an example with no target token, naming it', async () => {
    const peft = await createPeftModel(await loadTinyModel(), {
      method: 'prefix-flat',
      prefixLength: 2,
    });
    const train = examples(3, 0);
    train[1] = { inputIds: train[1]!.inputIds, labels: train[1]!.labels.map(() => -100) };
    expect(() => new Trainer(peft, { train })).toThrow(TrainerError);
    expect(() => new Trainer(peft, { train })).toThrow(
      /option train, example 2 \(7 tokens\): expected at least one target token/,
    );
    expect(() => new Trainer(peft, { train: examples(2, 0), eval: train })).toThrow(
      /option eval, example 2/,
    );
  });
});

describe('parameter counts on GPT-2 medium (config only, nothing allocated)', () => {
  const medium = gpt2Preset('gpt2-medium');
  const total = baseParameterCount(medium);
  const share = (json: object) => countTrainableParameters(medium, json) / total;

  it('match the paper: prefix 0.1%, adapters 0.1% / 3%, FT-TOP2 ~22% with the head', () => {
    expect(total).toBe(354823168);
    expect(countTrainableParameters(medium, { method: 'prefix-flat', prefixLength: 10 })).toBe(
      10 * 2 * 24 * 1024,
    );
    expect(share({ method: 'prefix-flat', prefixLength: 10 })).toBeCloseTo(0.0014, 4);
    expect(share({ method: 'adapter', parameterFraction: 0.001 })).toBeCloseTo(0.001, 4);
    expect(share({ method: 'adapter', parameterFraction: 0.03 })).toBeCloseTo(0.03, 3);
    expect(share({ method: 'ft-top2', includeHead: true })).toBeCloseTo(0.216, 3);
    expect(share({ method: 'ft-top2' })).toBeCloseTo(0.071, 3);
    expect(share({ method: 'ft-full' })).toBe(1);
  });
});

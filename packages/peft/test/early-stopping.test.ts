// Early stopping: training stops right after `earlyStoppingPatience` evaluations in a row without
// a lower held-out loss, and (by default) puts back the weights of the best evaluation.
import { describe, expect, it } from 'vitest';
import { createPeftModel } from '../src/methods';
import type { HostTensor } from '../src/parameter-store';
import { Trainer } from '../src/trainer/trainer';
import { loadTinyModel, maxAbsDiff } from './tiny-model';

const EOS = 47;
/** "a b <eos> t": labels only on the target t = target(a, b). */
function examples(count: number, target: (a: number, b: number) => number) {
  return Array.from({ length: count }, (_, k) => {
    const a = 1 + ((k * 7) % 20);
    const b = 21 + ((k * 3) % 20);
    return { inputIds: [a, b, EOS, target(a, b)], labels: [-100, -100, -100, target(a, b)] };
  });
}
// Training to copy b while evaluating on b's neighbour: learning "a token of 21..40" first helps
// the held-out loss, then learning "exactly b" hurts it, so it stops improving.
const train = examples(16, (_, b) => b);
const heldOut = examples(16, (_, b) => 21 + ((b - 20) % 20));

async function run(restoreBestOnEarlyStop: boolean) {
  const peft = await createPeftModel(await loadTinyModel(), {
    method: 'prefix-flat',
    prefixLength: 3,
  });
  const snapshots = new Map<number, Record<string, HostTensor>>();
  const trainer = new Trainer(peft, {
    config: {
      learningRate: 1e-1,
      batchSize: 8,
      maxSteps: 60,
      evalEvery: 1,
      earlyStoppingPatience: 2,
      restoreBestOnEarlyStop,
      seed: 1,
    },
    train,
    eval: heldOut,
    evaluate: async (model, step) => {
      snapshots.set(step, await model.parameters.toHost());
      return {};
    },
  });
  const result = await trainer.train();
  return { peft, trainer, result, snapshots };
}

describe('early stopping', () => {
  it('stops after `patience` evaluations without improvement and restores the best', async () => {
    const { peft, trainer, result, snapshots } = await run(true);
    expect(result.stoppedBy).toBe('early-stopping');
    expect(result.steps).toBeLessThan(60);
    const flags = result.evaluations.map((event) => event.improved);
    // The last two did not improve, the one before did, and no earlier pair of misses occurred.
    expect(flags.slice(-3)).toEqual([true, false, false]);
    for (let k = 1; k < flags.length - 2; k++) expect(flags[k - 1] || flags[k]).toBe(true);
    expect(result.steps).toBe(result.evaluations.at(-1)!.step);
    const best = result.evaluations.at(-3)!;
    expect(result.bestStep).toBe(best.step);
    expect(result.bestEvalLoss).toBe(best.evalLoss);
    expect(
      result.evaluations.reduce((least, event) => Math.min(least, event.evalLoss), Infinity),
    ).toBe(best.evalLoss);
    // The weights now are those evaluated at the best step, not the last step's.
    const now = await peft.parameters.toHost();
    const atBest = snapshots.get(best.step)!;
    const atLast = snapshots.get(result.steps)!;
    for (const name of Object.keys(now)) {
      expect(maxAbsDiff(now[name]!.data, atBest[name]!.data), name).toBe(0);
      expect(maxAbsDiff(now[name]!.data, atLast[name]!.data), name).toBeGreaterThan(0);
    }
    expect((await trainer.evaluateNow()).evalLoss).toBeCloseTo(best.evalLoss, 6);
  });

  it('keeps the last weights when restoreBestOnEarlyStop is false', async () => {
    const { peft, result, snapshots } = await run(false);
    expect(result.stoppedBy).toBe('early-stopping');
    const now = await peft.parameters.toHost();
    const atLast = snapshots.get(result.steps)!;
    for (const name of Object.keys(now))
      expect(maxAbsDiff(now[name]!.data, atLast[name]!.data), name).toBe(0);
  });
});

// Optimiser state dicts (torch's state_dict / load_state_dict): the saved moments follow the
// update rule by hand, a resumed run continues bit-for-bit like an uninterrupted one, bad
// dicts fail with typed errors before anything changes, and no buffer leaks.
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  AdamW,
  BackendMismatchError,
  DTypeMismatchError,
  InvalidArgumentError,
  SGD,
  ShapeMismatchError,
  type Tensor,
  tensor,
} from '../src/index';

const cpu = new CpuBackend();
const t = (values: number[], backend = cpu) => tensor(values, [values.length], { backend });

/** Runs `steps` updates with gradients that depend on the step (so state matters). */
function train(optimizer: AdamW | SGD, params: Tensor[], from: number, steps: number): void {
  for (let k = from; k < from + steps; k++) {
    params.forEach((p, index) => {
      p.grad = t(Array.from({ length: p.size }, (_, j) => Math.sin(k + 2 * j + index) * (j + 1)));
    });
    optimizer.step();
    optimizer.zeroGrad();
  }
}

describe('AdamW.stateDict / loadStateDict', () => {
  it('saves exp_avg = (1 - b1) g and exp_avg_sq = (1 - b2) g^2 after one step', async () => {
    const p = t([1, 2]);
    const optimizer = new AdamW([p, t([5])], { lr: 0.1, betas: [0.8, 0.9] });
    p.grad = t([0.5, -2]);
    optimizer.step();
    const dict = await optimizer.stateDict();
    expect(dict.step).toBe(1);
    expect(Object.keys(dict.state)).toEqual(['0']); // the second parameter had no gradient
    expect(Array.from(dict.state[0]!.expAvg)).toEqual([0.2 * 0.5, 0.2 * -2].map(Math.fround));
    const expAvgSq = Array.from(dict.state[0]!.expAvgSq);
    expect(expAvgSq[0]).toBeCloseTo(0.1 * 0.25, 7);
    expect(expAvgSq[1]).toBeCloseTo(0.1 * 4, 7);
    expect(dict.state[0]!.expAvg).toBeInstanceOf(Float32Array);
    expect(dict).toMatchObject({ lr: 0.1, betas: [0.8, 0.9], eps: 1e-8, weightDecay: 0.01 });
  });

  it('a run resumed from host arrays or tensors continues exactly like the original', async () => {
    const params = [t([0.5, -1, 2]), t([3])];
    const original = new AdamW(params, { lr: 0.05, weightDecay: 0.1 });
    train(original, params, 0, 3);
    const saved = await original.stateDict();
    const savedParams = await Promise.all(params.map((p) => p.data()));
    train(original, params, 3, 2);
    const expected = await Promise.all(params.map((p) => p.toArray()));

    for (const asTensors of [false, true]) {
      const resumed = savedParams.map((values) => t(Array.from(values)));
      const optimizer = new AdamW(resumed); // other hyperparameters: restored from the dict
      const state = asTensors
        ? Object.fromEntries(
            Object.entries(saved.state).map(([key, entry]) => [
              key,
              { expAvg: t(Array.from(entry.expAvg)), expAvgSq: t(Array.from(entry.expAvgSq)) },
            ]),
          )
        : saved.state;
      optimizer.loadStateDict({ ...saved, state });
      expect(optimizer.stepCount).toBe(3);
      expect(optimizer.lr).toBe(0.05);
      train(optimizer, resumed, 3, 2);
      expect(await Promise.all(resumed.map((p) => p.toArray()))).toEqual(expected);
    }
  });

  it('replaces the state without leaking buffers', async () => {
    const backend = new CpuBackend();
    const p = t([1, 2], backend);
    const optimizer = new AdamW([p]);
    p.grad = t([1, 1], backend);
    optimizer.step();
    optimizer.zeroGrad();
    const live = backend.liveBufferCount(); // p + m + v
    const dict = await optimizer.stateDict();
    for (let k = 0; k < 3; k++) optimizer.loadStateDict(dict);
    expect(backend.liveBufferCount()).toBe(live);
    optimizer.loadStateDict({ step: 0, state: {} });
    expect(backend.liveBufferCount()).toBe(live - 2);
  });

  it('rejects bad dicts with typed errors and leaves the state unchanged', async () => {
    const p = t([1, 2]);
    const optimizer = new AdamW([p]);
    p.grad = t([1, -1]);
    optimizer.step();
    const before = await optimizer.stateDict();
    const good = before.state[0]!;
    const other = new CpuBackend();
    const cases: [unknown, new (...args: never[]) => Error][] = [
      [{ step: 1, state: { 1: good } }, InvalidArgumentError],
      [{ step: 1, state: { '00': good } }, InvalidArgumentError],
      [{ step: -1, state: {} }, InvalidArgumentError],
      [{ step: 1, state: {}, betas: [0.9, 1] }, InvalidArgumentError],
      [{ step: 1, state: { 0: { expAvg: good.expAvg } } }, InvalidArgumentError],
      [{ step: 1, state: { 0: { ...good, expAvg: new Float32Array(3) } } }, ShapeMismatchError],
      [{ step: 1, state: { 0: { ...good, expAvg: new Int32Array(2) } } }, DTypeMismatchError],
      [{ step: 1, state: { 0: { ...good, expAvg: t([1, 2], other) } } }, BackendMismatchError],
      [
        { step: 1, state: { 0: { ...good, expAvg: tensor([1, 2], [1, 2], { backend: cpu }) } } },
        ShapeMismatchError,
      ],
    ];
    for (const [dict, error] of cases) {
      expect(() => optimizer.loadStateDict(dict as never), JSON.stringify(dict)).toThrow(error);
    }
    expect(await optimizer.stateDict()).toEqual(before);
  });
});

describe('SGD.stateDict / loadStateDict', () => {
  it('round-trips the momentum buffers: a resumed run matches the original', async () => {
    const params = [t([1, -2, 0.5])];
    const original = new SGD(params, { lr: 0.1, momentum: 0.9, dampening: 0.1 });
    train(original, params, 0, 1);
    const saved = await original.stateDict();
    // After the first step torch's buffer is the gradient itself.
    expect(Array.from(saved.state[0]!.momentumBuffer)).toEqual(
      [0, 1, 2].map((j) => Math.fround(Math.sin(2 * j) * (j + 1))),
    );
    const savedParams = Array.from(await params[0]!.data());
    train(original, params, 1, 2);
    const resumed = [t(savedParams)];
    const optimizer = new SGD(resumed, { lr: 1 });
    optimizer.loadStateDict(saved);
    expect(optimizer).toMatchObject({ lr: 0.1, momentum: 0.9, dampening: 0.1 });
    train(optimizer, resumed, 1, 2);
    expect(await resumed[0]!.toArray()).toEqual(await params[0]!.toArray());
  });
  it('rejects a buffer of the wrong size', () => {
    const optimizer = new SGD([t([1, 2])], { lr: 0.1, momentum: 0.5 });
    expect(() =>
      optimizer.loadStateDict({ state: { 0: { momentumBuffer: new Float32Array(1) } } }),
    ).toThrow(ShapeMismatchError);
    expect(() => optimizer.loadStateDict({ state: {}, lr: -1 })).toThrow(InvalidArgumentError);
  });
});

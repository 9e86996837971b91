// Optimisers and schedules on the CPU backend, against values worked out by hand (AdamW and
// clipping are also checked against PyTorch in golden.test.ts).
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../src/backends/cpu/cpu-backend';
import {
  AdamW,
  clipGradNorm,
  InvalidArgumentError,
  linearSchedule,
  SGD,
  tensor,
} from '../src/index';

const cpu = new CpuBackend();
const t = (values: number[]) => tensor(values, [values.length], { backend: cpu });

describe('SGD', () => {
  it('plain: p -= lr (g + wd p)', async () => {
    const p = t([1, -2]);
    p.grad = t([0.5, 0.5]);
    new SGD([p], { lr: 0.1, weightDecay: 0.1 }).step();
    const [a, b] = await p.toArray();
    expect(a).toBeCloseTo(1 - 0.1 * (0.5 + 0.1), 6);
    expect(b).toBeCloseTo(-2 - 0.1 * (0.5 - 0.2), 6);
  });
  it('momentum: the first step uses g, later mu * buf + (1 - dampening) g', async () => {
    const p = t([0]);
    const sgd = new SGD([p], { lr: 1, momentum: 0.9, dampening: 0.5 });
    p.grad = t([1]);
    sgd.step();
    expect(await p.item()).toBeCloseTo(-1, 6);
    sgd.step();
    expect(await p.item()).toBeCloseTo(-1 - (0.9 + 0.5), 6);
  });
});

describe('AdamW', () => {
  it('first step moves by lr * sign(g) (bias-corrected), after decay', async () => {
    const p = t([2, -3]);
    p.grad = t([0.3, -7]);
    new AdamW([p], { lr: 0.01, weightDecay: 0.5 }).step();
    const [a, b] = await p.toArray();
    expect(a).toBeCloseTo(2 * (1 - 0.005) - 0.01, 5);
    expect(b).toBeCloseTo(-3 * (1 - 0.005) + 0.01, 5);
  });
  it('skips parameters without a gradient and rejects bad options', async () => {
    const p = t([1]);
    new AdamW([p]).step();
    expect(await p.item()).toBe(1);
    expect(() => new AdamW([p], { betas: [1, 0.9] })).toThrow(InvalidArgumentError);
  });
});

describe('clipGradNorm', () => {
  it('scales by maxNorm / norm when above, leaves gradients below', async () => {
    const a = t([0, 0]);
    const b = t([0]);
    a.grad = t([3, 0]);
    b.grad = t([4]);
    expect(await clipGradNorm([a, b], 1)!.item()).toBeCloseTo(5, 5);
    expect((await a.grad.toArray())[0]).toBeCloseTo(3 / (5 + 1e-6), 5);
    expect(await b.grad.item()).toBeCloseTo(4 / (5 + 1e-6), 5);
    a.grad = t([0.3, 0]);
    clipGradNorm([a], 1);
    expect((await a.grad.toArray())[0]).toBeCloseTo(0.3, 6);
    expect(() => clipGradNorm([a], 0)).toThrow(InvalidArgumentError);
  });
});

describe('linearSchedule', () => {
  it('warms up linearly then decays to 0', () => {
    const lr = linearSchedule({ peakLr: 1, warmupSteps: 4, totalSteps: 12 });
    expect([0, 2, 4, 8, 12, 20].map(lr)).toEqual([0, 0.5, 1, 0.5, 0, 0]);
  });
});

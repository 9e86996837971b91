import { describe, expect, it } from 'vitest';
import { speedRatio, summarizeDecode, summarizeMixed, summarizeTrain } from './case-summary';
import { compareCases, type DecodeCase, type MixedCase, type TrainCase } from './cases';

const byName = <T>(name: string) => compareCases.find((c) => c.name === name) as T;

describe('summaries', () => {
  it('decoding: ms per step without the prompt pass; tokens/s counts prompt rows', () => {
    const greedy = byName<DecodeCase>('tiny-greedy-b8'); // 8 rows, 32 new tokens
    const summary = summarizeDecode(greedy, { promptMs: [40, 60, 50], totalMs: [350, 370, 360] });
    expect(summary.msPerStep).toBe(10); // (360 - 50) / 31
    expect(summary.promptMs).toBe(50);
    expect(summary.tokensPerSecond).toBe(800);
    expect(summary.stepMsReps).toEqual([10, 10, 10]);
  });

  it('training: batch x tokens per step', () => {
    const train = byName<TrainCase>('small-prefix-train-b8x128');
    const summary = summarizeTrain(train, { stepMs: [2000, 1000, 4000] });
    expect(summary.msPerStep).toBe(2000);
    expect(summary.tokensPerSecond).toBe(512);
  });

  it('mixed prefixes: the mixed forward is the figure, mixed/single the speed ratio', () => {
    const mixed = byName<MixedCase>('small-mixed-prefix-b8x128');
    const summary = summarizeMixed(mixed, { singleMs: [900, 1000], mixedMs: [1000, 1500] });
    expect(summary.msPerStep).toBe(1250);
    expect(summary.singleMsPerStep).toBe(950);
    expect(summary.mixedToSingle).toBe(0.76);
  });
});

describe('speedRatio', () => {
  it('is prefixkit speed over PyTorch speed, or null when a side has no figure', () => {
    const side = (msPerStep: number) => ({ msPerStep, tokensPerSecond: 1000 / msPerStep });
    expect(speedRatio(side(20), side(10))).toBe(0.5);
    expect(speedRatio(side(10), side(30))).toBe(3);
    expect(speedRatio(undefined, side(10))).toBeNull();
  });
});

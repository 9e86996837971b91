import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalRuns, sweepRuns } from '../src/plan/expand-runs';
import type { Row } from '../src/plan/plan-types';

const sampled: Row = {
  id: 'prefix-50',
  family: 'prefix',
  label: 'prefix, 50 pairs',
  train: { method: 'prefix' },
  learningRates: [0.001, 0.003],
  replicates: [
    { id: 'sample-0', train: { lowDataSample: 0 } },
    { id: 'sample-1', train: { lowDataSample: 1 } },
  ],
};

describe('sweepRuns and finalRuns', () => {
  it('tries each learning rate on the first replicate, then runs every replicate at the chosen one', () => {
    expect(sweepRuns(sampled, [0.001, 0.003]).map((run) => run.dir)).toEqual([
      join('runs', 'prefix-50', 'lr-0.001', 'sample-0'),
      join('runs', 'prefix-50', 'lr-0.003', 'sample-0'),
    ]);
    const final = finalRuns(sampled, 0.003);
    expect(final.map((run) => [run.dir, run.learningRate, run.replicate?.id])).toEqual([
      [join('runs', 'prefix-50', 'lr-0.003', 'sample-0'), 0.003, 'sample-0'],
      [join('runs', 'prefix-50', 'lr-0.003', 'sample-1'), 0.003, 'sample-1'],
    ]);
    // The chosen rate's sweep run is the first final run: the same folder, trained once.
    expect(sweepRuns(sampled, [0.001, 0.003])[1]!.dir).toBe(final[0]!.dir);
  });

  it("keeps a replicate marked inRowFolder in the row's folder, the others in folders of their own", () => {
    const seeded: Row = {
      ...sampled,
      replicates: [
        { id: 'seed-101', train: {}, inRowFolder: true },
        { id: 'seed-102', train: { seed: 102 } },
      ],
    };
    expect(sweepRuns(seeded, [0.001, 0.003]).map((run) => run.dir)).toEqual([
      join('runs', 'prefix-50', 'lr-0.001'),
      join('runs', 'prefix-50', 'lr-0.003'),
    ]);
    expect(finalRuns(seeded, 0.003).map((run) => [run.dir, run.replicate?.id])).toEqual([
      [join('runs', 'prefix-50', 'lr-0.003'), 'seed-101'],
      [join('runs', 'prefix-50', 'lr-0.003', 'seed-102'), 'seed-102'],
    ]);
  });

  it('has nothing to sweep with one rate, and one untrained run for the model alone', () => {
    expect(sweepRuns(sampled, [0.001])).toEqual([]);
    const alone: Row = { id: 'none', family: 'none', label: 'the model alone' };
    expect(sweepRuns(alone, [0.1, 0.2])).toEqual([]);
    expect(finalRuns(alone, undefined)).toEqual([{ row: alone, dir: join('runs', 'none') }]);
    const single: Row = { ...sampled, replicates: undefined };
    expect(finalRuns(single, 0.01).map((run) => run.dir)).toEqual([
      join('runs', 'prefix-50', 'lr-0.01'),
    ]);
  });
});

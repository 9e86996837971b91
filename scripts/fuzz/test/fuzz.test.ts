// The short seeded pass that `pnpm test` runs: every fuzzer, a fixed seed, a few hundred cases
// in all (the long pass: `pnpm --filter @prefixkit/fuzz fuzz --cases 2500 --seed N`). Any crash,
// hang or accepted-but-invalid output fails the test and names the case that reproduces it.
import { describe, expect, it } from 'vitest';
import { runFuzzPass } from '../src/supervise';
import { type FuzzTargetName, fuzzTargetNames } from '../src/targets/index';

const casesPerFuzzer: Record<FuzzTargetName, number> = {
  safetensors: 150,
  adapter: 60,
  records: 150,
  'cli-flags': 150,
};

describe('short fuzz pass (seed 20240326)', () => {
  it.each(fuzzTargetNames)(
    '%s: every case ends in a typed error or a valid result',
    async (target) => {
      const result = await runFuzzPass({
        target,
        seed: 20240326,
        cases: casesPerFuzzer[target],
        // One real binary run in the pass, so the exit-status contract is checked too.
        spawnEvery: target === 'cli-flags' ? 149 : 0,
        hangSeconds: 60,
      });
      expect(result.findings).toEqual([]);
      expect(result.counts.typed + result.counts.valid).toBe(casesPerFuzzer[target]);
      // A pass where nothing is accepted (or nothing refused) is not exercising the code.
      expect(result.counts.typed).toBeGreaterThan(0);
      expect(result.counts.valid).toBeGreaterThan(0);
    },
    240_000,
  );
});

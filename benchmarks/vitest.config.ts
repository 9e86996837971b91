import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../tooling/vitest.shared';

// The benchmarks' helpers and experiments have unit tests next to them.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({
    test: { include: ['kernels/**/*.test.ts', 'experiments/**/*.test.ts', 'compare/**/*.test.ts'] },
  }),
);

import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../tooling/vitest.shared';

// The benchmarks' own helpers have unit tests next to them in kernels/.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { include: ['kernels/**/*.test.ts'] } }),
);

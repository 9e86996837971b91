// Runs bench/*.bench.ts with the package's aliases (sources, no build), one file at a time:
// `pnpm bench` from packages/peft. Not part of `pnpm test` (benchmarks are not timed tests).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../../tooling/vitest.shared';

export default defineConfig({
  ...sharedVitestConfig,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    ...sharedVitestConfig.test,
    include: ['bench/**/*.bench.ts'],
    testTimeout: 7_200_000,
    fileParallelism: false,
  },
});

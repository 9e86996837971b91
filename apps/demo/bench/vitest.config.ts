import { defineConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../../tooling/vitest.shared';

// Only the bench files (mergeConfig would append the shared include and run the tests too).
export default defineConfig({
  ...sharedVitestConfig,
  test: { ...sharedVitestConfig.test, include: ['bench/**/*.test.ts'], testTimeout: 600_000 },
});

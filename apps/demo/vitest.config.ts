import { mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tooling/vitest.shared';

// The browser tests drive Chromium on SwiftShader (slow): one file at a time, generous timeouts.
export default mergeConfig(sharedVitestConfig, {
  test: { testTimeout: 240_000, hookTimeout: 240_000, fileParallelism: false },
});

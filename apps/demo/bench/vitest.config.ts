import { mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../../tooling/vitest.shared';

export default mergeConfig(sharedVitestConfig, {
  test: { include: ['bench/**/*.test.ts'], testTimeout: 600_000 },
});

// Shared vitest settings: every `@prefixkit/*` import resolves to the package's TypeScript
// sources, so tests never need a build and always see the code under edit.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

export const sharedVitestConfig = defineConfig({
  resolve: {
    alias: [
      // `@prefixkit/tensor/node` -> packages/tensor/src/node.ts
      {
        find: /^@prefixkit\/([a-z0-9-]+)\/([a-z0-9-]+)$/,
        replacement: `${packagesDir}$1/src/$2.ts`,
      },
      // `@prefixkit/tensor` -> packages/tensor/src/index.ts
      { find: /^@prefixkit\/([a-z0-9-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

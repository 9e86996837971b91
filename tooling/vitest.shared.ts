// Shared vitest settings: every `@prefixkit/*` import resolves to the package's TypeScript
// sources, so tests never need a build and always see the code under edit.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));
const serverDir = fileURLToPath(new URL('../apps/server/src/', import.meta.url));

export const sharedVitestConfig = defineConfig({
  resolve: {
    alias: [
      // The server app is a package too (the CLI's `serve` runs it).
      {
        find: /^@prefixkit\/server\/options$/,
        replacement: `${serverDir}options/server-options.ts`,
      },
      { find: /^@prefixkit\/server$/, replacement: `${serverDir}index.ts` },
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

// Shared tsup settings: ESM + .d.ts + source maps, one entry per `exports` subpath.
import { defineConfig, type Options } from 'tsup';

export function libraryBuild(entry: Record<string, string>, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    ...overrides,
  });
}

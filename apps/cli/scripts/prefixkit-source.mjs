#!/usr/bin/env node
// Runs `prefixkit` from its TypeScript sources, with every @prefixkit/* package also resolved to
// its sources (tsconfig.source.json), so nothing needs building first. The repository root's
// `pnpm prefixkit` and the CLI's tests use this; the published binary is dist/prefixkit.js.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// `pnpm prefixkit ...` runs this in the repository root; relative paths on the command line mean
// the folder the user typed it in, which pnpm passes as INIT_CWD.
if (process.env.npm_lifecycle_event === 'prefixkit' && process.env.INIT_CWD) {
  process.chdir(process.env.INIT_CWD);
}

register({ tsconfig: fileURLToPath(new URL('../tsconfig.source.json', import.meta.url)) });
await import('../src/bin.ts');

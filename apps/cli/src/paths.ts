// Folders the CLI finds relative to itself. This file sits directly in src/ and is bundled into
// dist/prefixkit.js, one level below apps/cli in both cases, so `..` is the app's folder either way.
import { fileURLToPath } from 'node:url';

/** apps/cli (or the installed package's folder). */
export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The presets: apps/cli/configs/*.json. */
export const presetsDir = fileURLToPath(new URL('../configs/', import.meta.url));

/** The repository root when running inside the monorepo (apps/cli/../..). */
export const repoRootGuess = fileURLToPath(new URL('../../../', import.meta.url));

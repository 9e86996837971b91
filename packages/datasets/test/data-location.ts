// Where the tests read data from: the full official sets when the shared data folder is present
// (PREFIXKIT_SHARED_DATA, or `<repo root>/../shared/data` as CI lays it out), otherwise the
// committed samples in fixtures/. Test names say which one ran.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const fixturesDir = join(packageDir, 'fixtures');
const repoRoot = resolve(packageDir, '../..');
const candidate = process.env.PREFIXKIT_SHARED_DATA ?? join(repoRoot, '../shared/data');

/** The shared data folder, or undefined when it is not there. */
export const sharedDataDir = existsSync(join(candidate, 'e2e', 'trainset.csv'))
  ? candidate
  : undefined;

/** True when the full official sets are available. */
export const full = sharedDataDir !== undefined;

/** Label for test names. */
export const dataLabel = full
  ? `full data (${sharedDataDir})`
  : 'committed samples (shared data absent)';

/** Folder of one data set: shared (full) or fixtures (sample). */
export function dataDir(dataset: 'e2e' | 'e2e-cleaned' | 'webnlg' | 'dart' | 'xsum'): string {
  return join(sharedDataDir ?? fixturesDir, dataset);
}

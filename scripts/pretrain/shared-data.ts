// Where the shared data sets live: PREFIXKIT_SHARED_DATA, else `<repo>/../shared/data` (CI).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function sharedDataDir(): string {
  const fromEnv = process.env.PREFIXKIT_SHARED_DATA;
  if (fromEnv) return resolve(fromEnv);
  return resolve(fileURLToPath(new URL('../../../shared/data', import.meta.url)));
}

// API and admin keys from files or the environment. A key file holds one key per line (blank
// lines and lines starting with '#' are skipped); keys are never logged.
import { readFile } from 'node:fs/promises';
import { ConfigValidationError, FileNotFoundError } from '@prefixkit/errors';
import { assertRegularFile } from '@prefixkit/errors/node';

async function keysIn(path: string): Promise<string[]> {
  let text: string;
  assertRegularFile(path, 'Expected a file of keys, one per line.');
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new FileNotFoundError(path, 'Expected a file of keys, one per line.');
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export interface ServerKeys {
  readonly apiKeys: readonly string[];
  readonly adminKey: string | null;
}

/** The keys from `apiKeysFile`/`adminKeyFile`, else PREFIXKIT_API_KEYS / PREFIXKIT_ADMIN_KEY. */
export async function readServerKeys(
  options: { apiKeysFile?: string | undefined; adminKeyFile?: string | undefined },
  env: NodeJS.ProcessEnv,
): Promise<ServerKeys> {
  const apiKeys = options.apiKeysFile
    ? await keysIn(options.apiKeysFile)
    : (env.PREFIXKIT_API_KEYS ?? '')
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean);
  const admin = options.adminKeyFile
    ? await keysIn(options.adminKeyFile)
    : env.PREFIXKIT_ADMIN_KEY
      ? [env.PREFIXKIT_ADMIN_KEY.trim()]
      : [];
  if (admin.length > 1)
    throw new ConfigValidationError('expected one admin key, got several', {
      file: options.adminKeyFile ?? 'PREFIXKIT_ADMIN_KEY',
    });
  const short = [...apiKeys, ...admin].find((key) => key.length < 16);
  if (short !== undefined)
    throw new ConfigValidationError('every key must be at least 16 characters long', {
      file: options.apiKeysFile ?? 'PREFIXKIT_API_KEYS',
    });
  return { apiKeys, adminKey: admin[0] ?? null };
}

// Writes a results JSON file (creating its folder) through the shared atomic write, so an
// interrupted run never leaves a half-written results file.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@prefixkit/errors/node';

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

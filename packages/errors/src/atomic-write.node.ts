// Atomic file writes: data goes to a temporary sibling, is flushed, then renamed over the
// target, so a crash or error never leaves a half-written file under the final name. It lives
// in the lowest package (behind the Node-only entry) so that every package and script shares
// one implementation.
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary path next to `path` (same directory, so the rename is atomic). */
export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Calls `write` with a handle to a temporary file, fsyncs it and renames it to `path`.
 * On any error the temporary file is removed and the error rethrown. The folder must exist.
 */
export async function writeFileAtomicWith(
  path: string,
  write: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  const temporary = temporarySibling(path);
  const handle = await open(temporary, 'wx');
  try {
    await write(handle);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes whole bytes or text atomically. The folder must exist. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomicWith(path, async (handle) => {
    await handle.writeFile(data);
  });
}

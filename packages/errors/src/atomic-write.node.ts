// Atomic file writes: data goes to a temporary sibling, is flushed, then renamed over the
// target, so a crash or error never leaves a half-written file under the final name. It lives
// in the lowest package (behind the Node-only entry) so that every package and script shares
// one implementation. A rename replaces whatever sits at the target, so the target is checked
// first: only a regular file (or nothing) may be replaced; a symbolic link, FIFO, device or
// folder is refused, and file-system failures come out as typed errors naming the target.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, type FileHandle, lstat, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputRefusedError } from './common-errors';
import { FileSystemError, fileSystemErrorFrom } from './file-system-errors';

/** A temporary path next to `path` (same directory, so the rename is atomic). */
export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The names temporarySibling makes: `.<name>.<12 hex digits>.tmp`. */
const temporaryName = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** True for a name temporarySibling makes (a write in flight, or left by a killed process). */
export function isTemporaryName(name: string): boolean {
  return temporaryName.test(name);
}

/**
 * Removes temporaries (files or folders named as temporarySibling names them) that a killed
 * process left in `folder`; returns their names. Only for folders a single writer owns.
 */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const stale = names.filter(isTemporaryName);
  for (const name of stale) await rm(join(folder, name), { recursive: true, force: true });
  return stale;
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link (its target is never written through it)';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

async function statOrUndefined(path: string, link: boolean): Promise<Stats | undefined> {
  try {
    return link ? await lstat(path) : await stat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw fileSystemErrorFrom(error, { path }) ?? error;
  }
}

/**
 * Throws unless `path` can take an atomic write: it is missing or a regular file, and its folder
 * exists and is writable. Call it before expensive work so that a bad output fails at once.
 */
export async function checkOutputFile(path: string): Promise<void> {
  const existing = await statOrUndefined(path, true);
  if (existing?.isDirectory())
    throw new FileSystemError('FS_IS_DIRECTORY', path, 'is a folder, expected a file name.');
  if (existing && !existing.isFile())
    throw new OutputRefusedError(
      'OUTPUT_NOT_REGULAR_FILE',
      path,
      `is ${kindOf(existing)}; refusing to replace it with a regular file. Write to a new file name instead.`,
    );
  const folder = dirname(path);
  const parent = await statOrUndefined(folder, false);
  if (!parent)
    throw new FileSystemError(
      'FS_PARENT_MISSING',
      path,
      `its folder ${folder} does not exist. Create the folder first, or pick an output in an existing one.`,
    );
  if (!parent.isDirectory())
    throw new FileSystemError('FS_NOT_DIRECTORY', path, `${folder} is a file, expected a folder.`);
  // The temporary file is created in the folder and renamed there: both need write permission.
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw fileSystemErrorFrom(error, { path, writing: true }) ?? error;
  }
}

/**
 * Calls `write` with a handle to a temporary file, fsyncs it and renames it to `path`.
 * On any error the temporary file is removed and the error rethrown (file-system errors as
 * typed ones naming `path`). The folder must exist; see checkOutputFile for what is refused.
 */
export async function writeFileAtomicWith(
  path: string,
  write: (handle: FileHandle) => Promise<void>,
): Promise<void> {
  await checkOutputFile(path);
  const temporary = temporarySibling(path);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    throw fileSystemErrorFrom(error, { path, writing: true }) ?? error;
  }
  try {
    await write(handle);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw fileSystemErrorFrom(error, { path, writing: true }) ?? error;
  }
}

/** Writes whole bytes or text atomically. The folder must exist. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomicWith(path, async (handle) => {
    await handle.writeFile(data);
  });
}

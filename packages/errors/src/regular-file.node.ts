// Every file prefixkit reads is checked to be a regular file first. Opening a FIFO for reading
// blocks until something writes to it (forever, for a FIFO named model.safetensors), and a
// device such as /dev/zero never ends; stat() answers at once, without opening the path.
import { statSync } from 'node:fs';
import { FileNotFoundError, NotRegularFileError } from './common-errors';
import { fileSystemErrorFrom } from './file-system-errors';

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a plain file';
}

/**
 * Throws FileNotFoundError when `path` does not exist and NotRegularFileError when it is not a
 * regular file (symbolic links are followed); `hint` says what was expected there. Other stat
 * failures (a file used as a folder, permission denied) are typed FS_* errors naming `path`.
 * @example assertRegularFile('gpt2/model.safetensors', 'Expected a safetensors file.');
 */
export function assertRegularFile(path: string, hint: string): void {
  let stats: import('node:fs').Stats;
  try {
    stats = statSync(path);
  } catch (cause) {
    if ((cause as { code?: unknown }).code !== 'ENOENT') {
      const typed = fileSystemErrorFrom(cause, { path });
      if (typed) throw typed;
    }
    throw new FileNotFoundError(path, hint, { cause });
  }
  if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats), hint);
}

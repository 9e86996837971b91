// Reading a file the user named: Node gives no path for some failures (a folder passed as a
// file fails in read(), not open()), so the typed error (FS_*, FILE_NOT_FOUND) is made here,
// where the path is known.
import { readFileSync } from 'node:fs';
import { fileSystemErrorFrom } from '@prefixkit/errors';

/** The file's text; file-system errors are typed and name `path`. */
export function readInputText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw fileSystemErrorFrom(error, { path }) ?? error;
  }
}

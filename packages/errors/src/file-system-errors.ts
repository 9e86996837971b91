// File-system failures as typed errors. Node reports them as plain errors with an errno `code`
// (EISDIR, EACCES, ...); without a translation they reach users as "unexpected error". This file
// only reads an error's fields, so it stays browser-safe; the Node entry and the CLI call it.
import { FileNotFoundError } from './common-errors';
import { PrefixkitError, type PrefixkitErrorOptions } from './prefixkit-error';

export type FileSystemErrorCode =
  /** A folder where a file is expected (reading or writing). */
  | 'FS_IS_DIRECTORY'
  /** A file where a folder is expected (a path component, or an output folder: ENOTDIR, or
   * EEXIST from mkdir). */
  | 'FS_NOT_DIRECTORY'
  /** An output's parent folder does not exist. */
  | 'FS_PARENT_MISSING'
  /** EACCES / EPERM. */
  | 'FS_PERMISSION_DENIED'
  /** EROFS. */
  | 'FS_READ_ONLY'
  /** ENOSPC / EDQUOT. */
  | 'FS_NO_SPACE';

/**
 * A path the file system refused for a reason the user can fix (see FileSystemErrorCode).
 * `path` is undefined only when Node did not say which (a read on an opened folder).
 */
export class FileSystemError extends PrefixkitError {
  readonly path: string | undefined;
  constructor(
    code: FileSystemErrorCode,
    path: string | undefined,
    message: string,
    options: PrefixkitErrorOptions = {},
  ) {
    super(code, path === undefined ? message : `${path}: ${message}`, options);
    this.path = path;
  }
}

/** A Node system error (`fs`, `net`): an Error with a string errno `code`. */
interface SystemError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** How the failed path was being used: `write` turns ENOENT into FS_PARENT_MISSING. */
export interface FileSystemContext {
  /** The path to name (default: the error's own `path`). */
  path?: string;
  /** True when the path was being created or replaced. */
  writing?: boolean;
}

/**
 * The typed error for a Node file-system error, or undefined when `error` is not one whose
 * errno this knows. ENOENT is FileNotFoundError when reading and FS_PARENT_MISSING when writing.
 * Without a path (Node gives none for a read on an opened folder) the message quotes Node's.
 */
export function fileSystemErrorFrom(
  error: unknown,
  context: FileSystemContext = {},
): PrefixkitError | undefined {
  if (PrefixkitError.isInstance(error) || !isSystemError(error)) return undefined;
  const path = context.path ?? error.path;
  const options = { cause: error };
  const doing = context.writing ? 'cannot write it' : `cannot ${error.syscall ?? 'use'} it`;
  switch (error.code) {
    case 'ENOENT':
      if (path === undefined) return undefined;
      return context.writing
        ? new FileSystemError(
            'FS_PARENT_MISSING',
            path,
            'its folder does not exist. Create the folder first, or pick an output in an existing one.',
            options,
          )
        : new FileNotFoundError(path, 'Check the path.', options);
    case 'EISDIR':
      return new FileSystemError(
        'FS_IS_DIRECTORY',
        path,
        path === undefined
          ? `a folder was given where a file is expected (${error.message}). Check the file paths given.`
          : 'is a folder, expected a file. Give the path of a file.',
        options,
      );
    case 'EEXIST':
      // mkdir over a file; other EEXISTs (exclusive create) are not about the user's paths.
      if (error.syscall !== 'mkdir') return undefined;
      return new FileSystemError(
        'FS_NOT_DIRECTORY',
        path,
        'exists and is a file, expected a folder.',
        options,
      );
    case 'ENOTDIR':
      return new FileSystemError(
        'FS_NOT_DIRECTORY',
        path,
        'a part of this path is a file, expected a folder.',
        options,
      );
    case 'EACCES':
    case 'EPERM':
      return new FileSystemError(
        'FS_PERMISSION_DENIED',
        path,
        `permission denied (${error.code}): ${doing}. Check the permissions of the path and its folder.`,
        options,
      );
    case 'EROFS':
      return new FileSystemError(
        'FS_READ_ONLY',
        path,
        `on a read-only file system: ${doing}.`,
        options,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileSystemError(
        'FS_NO_SPACE',
        path,
        `no space left (${error.code}): ${doing}. Free some space or write elsewhere.`,
        options,
      );
    default:
      return undefined;
  }
}

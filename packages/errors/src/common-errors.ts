// Errors about user input that several packages raise the same way.
import { PrefixkitError, type PrefixkitErrorOptions } from './prefixkit-error';

/** Where in a file a problem is: any of the parts that are known. */
export interface SourceLocation {
  file?: string;
  line?: number;
  /** A JSON pointer (`/train/lr`) or a column / field name (`familyFriendly`). */
  field?: string;
}

export function formatLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(location.file);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.field !== undefined) parts.push(`field ${location.field || '(root)'}`);
  return parts.join(', ');
}

/** A JSON document (config, request, record) that does not match its schema. */
export class ConfigValidationError extends PrefixkitError {
  readonly location: SourceLocation;
  constructor(what: string, location: SourceLocation, options: PrefixkitErrorOptions = {}) {
    const where = formatLocation(location);
    super('CONFIG_INVALID', where ? `${where}: ${what}` : what, options);
    this.location = location;
  }
}

/** A file that does not exist or cannot be read. */
export class FileNotFoundError extends PrefixkitError {
  readonly path: string;
  constructor(path: string, hint: string, options: PrefixkitErrorOptions = {}) {
    super('FILE_NOT_FOUND', `${path}: not found. ${hint}`.trim(), options);
    this.path = path;
  }
}

/** A path that exists but is not a regular file (a folder, a FIFO, a device, a socket). */
export class NotRegularFileError extends PrefixkitError {
  readonly path: string;
  constructor(path: string, kind: string, hint: string, options: PrefixkitErrorOptions = {}) {
    super('FILE_NOT_REGULAR', `${path}: is ${kind}, not a regular file. ${hint}`.trim(), options);
    this.path = path;
  }
}

export type OutputRefusedCode =
  /** The target exists and is a symbolic link, FIFO, device or socket. */
  | 'OUTPUT_NOT_REGULAR_FILE'
  /** The target is (or is inside, or contains) an input of the same command. */
  | 'OUTPUT_IS_INPUT'
  /** A run folder that already holds a run, without --resume or --overwrite. */
  | 'OUTPUT_RUN_EXISTS'
  /** --overwrite on a folder that holds more than a run's own entries. */
  | 'OUTPUT_NOT_A_RUN';

/** An output that would destroy something: it is refused before anything is written. */
export class OutputRefusedError extends PrefixkitError {
  readonly path: string;
  constructor(
    code: OutputRefusedCode,
    path: string,
    message: string,
    options: PrefixkitErrorOptions = {},
  ) {
    super(code, `${path}: ${message}`, options);
    this.path = path;
  }
}

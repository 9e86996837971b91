export {
  ConfigValidationError,
  FileNotFoundError,
  formatLocation,
  type OutputRefusedCode,
  OutputRefusedError,
  type SourceLocation,
} from './common-errors';
export {
  type FileSystemContext,
  FileSystemError,
  type FileSystemErrorCode,
  fileSystemErrorFrom,
} from './file-system-errors';
export {
  assert,
  InternalError,
  PrefixkitError,
  type PrefixkitErrorOptions,
} from './prefixkit-error';

export {
  ConfigValidationError,
  FileNotFoundError,
  formatLocation,
  NotRegularFileError,
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
  describeJsonSyntaxError,
  findJsonSyntaxProblem,
  type JsonSyntaxProblem,
} from './json-syntax';
export {
  assert,
  InternalError,
  PrefixkitError,
  type PrefixkitErrorOptions,
} from './prefixkit-error';

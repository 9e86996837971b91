export {
  ConfigValidationError,
  FileNotFoundError,
  formatLocation,
  NotRegularFileError,
  type SourceLocation,
} from './common-errors';
export {
  assert,
  InternalError,
  PrefixkitError,
  type PrefixkitErrorOptions,
} from './prefixkit-error';

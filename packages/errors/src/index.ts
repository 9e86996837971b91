export {
  ConfigValidationError,
  FileNotFoundError,
  formatLocation,
  type SourceLocation,
} from './common-errors';
export {
  assert,
  InternalError,
  PrefixkitError,
  type PrefixkitErrorOptions,
} from './prefixkit-error';

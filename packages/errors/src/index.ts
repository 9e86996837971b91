export {
  ConfigValidationError,
  FileNotFoundError,
  formatLocation,
  NotRegularFileError,
  type SourceLocation,
} from './common-errors';
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

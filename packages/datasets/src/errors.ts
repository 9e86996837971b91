// The typed errors of @prefixkit/datasets. Messages follow "what, where, expected, got"
// (docs: docs/reference/STYLE.md, Errors); codes are stable and documented in the README.
import { formatLocation, PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** Where a record sits: the file (or label) it came from, its 1-based line, and the field. */
export interface RecordLocation {
  file: string;
  line: number;
  /** Column name (`mr`), XML element (`mtriple`) or JSON pointer (`/tripleset/0`). */
  field: string;
}

/** One malformed record: bad CSV row, broken XML entry, schema violation. */
export class DataRecordError extends PrefixkitError {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly expected: string;
  readonly got: string;
  constructor(
    location: RecordLocation,
    expected: string,
    got: string,
    options: PrefixkitErrorOptions = {},
  ) {
    super(
      'DATA_RECORD_INVALID',
      `${formatLocation(location)}: expected ${expected}, got ${got}`,
      options,
    );
    this.file = location.file;
    this.line = location.line;
    this.field = location.field;
    this.expected = expected;
    this.got = got;
  }
}

/** A data file that is not there, with the path where the user should put it. */
export class DatasetNotFoundError extends PrefixkitError {
  /** Where the reader looked (a local path or a cache path). */
  readonly path: string;
  constructor(path: string, hint: string, options: PrefixkitErrorOptions = {}) {
    super('DATASET_NOT_FOUND', `${path}: data file not found. ${hint}`.trim(), options);
    this.path = path;
  }
}

/** A downloaded or cached file whose SHA-256 differs from the one the loader expects. */
export class ChecksumMismatchError extends PrefixkitError {
  readonly file: string;
  constructor(file: string, expected: string, got: string) {
    super('DATASET_CHECKSUM', `${file}: expected SHA-256 ${expected}, got ${got}`);
    this.file = file;
  }
}

/** An HTTP download that answered with an error status. */
export class DownloadError extends PrefixkitError {
  readonly url: string;
  readonly status: number;
  constructor(url: string, status: number, hint: string) {
    super('DATASET_DOWNLOAD', `${url}: expected HTTP 200, got ${status}. ${hint}`.trim());
    this.url = url;
    this.status = status;
  }
}

/** A caller's option that cannot work (for example a sample larger than the data set). */
export class DatasetOptionError extends PrefixkitError {
  constructor(option: string, expected: string, got: string) {
    super('DATASET_OPTION', `option ${option}: expected ${expected}, got ${got}`);
  }
}

/** Shows a value in an error message without flooding it. */
export function describeValue(value: unknown, maxLength = 60): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

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

/** A text file (data, hypotheses, references, JSONL) that is not valid UTF-8. */
export class TextEncodingError extends PrefixkitError {
  readonly file: string;
  readonly line: number;
  readonly byteOffset: number;
  constructor(file: string, problem: { line: number; byteOffset: number; byte: number }) {
    const found =
      problem.byte === -1
        ? 'the file ends inside a character'
        : `byte 0x${problem.byte.toString(16).padStart(2, '0')} at byte offset ${problem.byteOffset}`;
    super(
      'DATA_NOT_UTF8',
      `${file}, line ${problem.line}: expected UTF-8 text, got ${found}; convert the file to UTF-8 (for example with iconv)`,
    );
    this.file = file;
    this.line = problem.line;
    this.byteOffset = problem.byteOffset;
  }
}

/** A training example longer than the model's context that cannot be used as it is. */
export class ExampleTooLongError extends PrefixkitError {
  /** 1-based position of the example in its list. */
  readonly index: number;
  constructor(
    label: string,
    index: number,
    lengths: {
      tokens: number;
      promptTokens: number;
      blockSize: number;
      reason: 'policy' | 'no-target-left';
    },
  ) {
    const why =
      lengths.reason === 'policy'
        ? 'over-long examples are refused'
        : `its prompt alone takes ${lengths.promptTokens}, so truncating would leave no target token`;
    super(
      'DATA_EXAMPLE_TOO_LONG',
      `${label}, example ${index}: expected at most ${lengths.blockSize} tokens (the context left after the method's own positions), got ${lengths.tokens}; ${why}. Drop such examples (overlong: drop) or shorten them`,
    );
    this.index = index;
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

// Typed errors of @prefixkit/metrics. Messages say what is wrong, where, what was expected and
// what was found, so a caller scoring thousands of segments can find the bad one.
import { PrefixkitError, type PrefixkitErrorOptions } from '@prefixkit/errors';

/** Hypotheses and references that cannot be scored together (counts, types, empty sets). */
export class MetricInputError extends PrefixkitError {
  /** 0-based segment index the problem is at, when there is one. */
  readonly segment: number | undefined;
  constructor(
    metric: string,
    what: string,
    detail: { segment?: number; expected: string; got: string },
    options: PrefixkitErrorOptions = {},
  ) {
    const where = detail.segment === undefined ? '' : ` at segment ${detail.segment}`;
    super(
      'METRIC_INPUT',
      `${metric}: ${what}${where}: expected ${detail.expected}, got ${detail.got}`,
      options,
    );
    this.segment = detail.segment;
  }
}

/** A data file (E2E CSV/TSV, WebNLG reference file) that does not have the expected layout. */
export class MetricDataFormatError extends PrefixkitError {
  readonly file: string;
  readonly line: number | undefined;
  constructor(
    file: string,
    line: number | undefined,
    what: string,
    detail: { expected: string; got: string },
    options: PrefixkitErrorOptions = {},
  ) {
    const where = line === undefined ? file : `${file}, line ${line}`;
    super(
      'METRIC_DATA_FORMAT',
      `${where}: ${what}: expected ${detail.expected}, got ${detail.got}`,
      options,
    );
    this.file = file;
    this.line = line;
  }
}

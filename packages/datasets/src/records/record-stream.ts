// Every reader returns a RecordStream: an async iterable of valid records plus a report of what
// it read. A malformed record either throws its DataRecordError (the default) or, when the caller
// asked to skip, is counted and kept in the report — never dropped silently.
import { DataRecordError } from '../errors';

/** What to do with a malformed record. */
export type InvalidRecordPolicy = 'throw' | 'skip';

/** Options every reader takes. */
export interface ReadOptions {
  /** Name used in error messages and reports (a path or a label). */
  file?: string;
  /** `throw` (default): stop at the first malformed record. `skip`: count it and go on. */
  onInvalid?: InvalidRecordPolicy;
}

/** What one pass over a stream read. Filled in while iterating. */
export interface ReadReport {
  file: string;
  /** Valid records yielded. */
  records: number;
  /** Malformed records skipped (only with `onInvalid: 'skip'`). */
  skipped: number;
  /** The errors of the skipped records, in file order. */
  errors: DataRecordError[];
  /** True once the whole input has been read. */
  complete: boolean;
}

/** An async iterable of records with the report of the current (or last) pass. */
export class RecordStream<T> implements AsyncIterable<T> {
  readonly file: string;
  readonly policy: InvalidRecordPolicy;
  report: ReadReport;
  readonly #produce: () => AsyncIterable<T | DataRecordError>;

  constructor(
    produce: () => AsyncIterable<T | DataRecordError>,
    options: ReadOptions & { file: string },
  ) {
    this.#produce = produce;
    this.file = options.file;
    this.policy = options.onInvalid ?? 'throw';
    this.report = this.#emptyReport();
  }

  #emptyReport(): ReadReport {
    return { file: this.file, records: 0, skipped: 0, errors: [], complete: false };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const report = this.#emptyReport();
    this.report = report;
    for await (const item of this.#produce()) {
      if (item instanceof DataRecordError) {
        if (this.policy === 'throw') throw item;
        report.skipped += 1;
        report.errors.push(item);
        continue;
      }
      report.records += 1;
      yield item;
    }
    report.complete = true;
  }

  /** The records and the errors of malformed ones, in file order, without applying the policy. */
  withErrors(): AsyncIterable<T | DataRecordError> {
    return this.#produce();
  }

  /** Reads everything into an array (for small sets and tests). */
  async toArray(): Promise<T[]> {
    const records: T[] = [];
    for await (const record of this) records.push(record);
    return records;
  }
}

// Reads XSUM as the paper's seq2seq code does (xsum/SOURCE.md, docs/reference/LINEARIZATION.md "XSUM"): line i
// of `{split}.source` is an article and line i of `{split}.target` its summary; or JSON Lines
// with one object per article (field names configurable, default `document`/`summary`/`id`).
// The articles are BBC text that cannot be shipped: the user supplies the files.
import { DataRecordError, describeValue } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { checkRecord } from '../records/validate-record';
import { readLines } from '../text/read-lines';
import type { TextInput } from '../text/text-input';
import schema from './xsum-record.schema.json';

export interface XsumRecord {
  id?: string;
  source: string;
  target: string;
  /** 1-based line in the `.source` file (or the JSONL file). */
  line: number;
}

export const xsumRecordSchema: object = schema;

/** The three split names of the `.source`/`.target` layout. */
export const xsumSplits = ['train', 'val', 'test'] as const;
export type XsumSplit = (typeof xsumSplits)[number];

/**
 * Streams aligned `.source` / `.target` lines; a count mismatch is a DataRecordError.
 *
 * @example
 * readXsumPairs({ source: 'An article.\n', target: 'A summary.\n' }, { file: 'val' });
 */
export function readXsumPairs(
  input: { source: TextInput; target: TextInput },
  options: ReadOptions = {},
): RecordStream<XsumRecord> {
  const file = options.file ?? 'XSUM';
  return new RecordStream(
    async function* () {
      const targets = readLines(input.target)[Symbol.asyncIterator]();
      let lastLine = 0;
      for await (const { text, line } of readLines(input.source)) {
        lastLine = line;
        const target = await targets.next();
        if (target.done) {
          yield new DataRecordError(
            { file: `${file}.target`, line, field: 'target' },
            'one summary line per article line',
            'end of file',
          );
          return;
        }
        const record = { source: text, target: target.value.text };
        const invalid = checkRecord(xsumRecordSchema, record, { file: `${file}.source`, line });
        yield invalid ?? { ...record, line };
      }
      const extra = await targets.next();
      if (!extra.done) {
        yield new DataRecordError(
          { file: `${file}.source`, line: lastLine + 1, field: 'source' },
          'one article line per summary line',
          'end of file',
        );
      }
    },
    { ...options, file },
  );
}

/** Field names of a JSONL record. */
export interface XsumJsonlFields {
  source?: string;
  target?: string;
  id?: string;
}

/** Streams XSUM from JSON Lines (`{"document": ..., "summary": ..., "id": ...}` by default). */
export function readXsumJsonl(
  input: TextInput,
  options: ReadOptions & { fields?: XsumJsonlFields } = {},
): RecordStream<XsumRecord> {
  const file = options.file ?? 'XSUM JSONL';
  const sourceField = options.fields?.source ?? 'document';
  const targetField = options.fields?.target ?? 'summary';
  const idField = options.fields?.id ?? 'id';
  return new RecordStream(
    async function* () {
      for await (const { text, line } of readLines(input)) {
        if (text.trim() === '') continue;
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(text);
        } catch {
          yield new DataRecordError(
            { file, line, field: '(line)' },
            'a JSON object',
            describeValue(text),
          );
          continue;
        }
        const record: Record<string, unknown> = {
          source: value[sourceField],
          target: value[targetField],
        };
        if (value[idField] !== undefined) record.id = String(value[idField]);
        const invalid = checkRecord(xsumRecordSchema, record, {
          file,
          line,
          fieldNames: { source: sourceField, target: targetField },
        });
        yield invalid ?? { ...(record as Omit<XsumRecord, 'line'>), line };
      }
    },
    { ...options, file },
  );
}

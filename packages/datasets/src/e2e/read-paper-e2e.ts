// Reads the paper's own preprocessed E2E files, `src1_{train,valid,test}.txt`
// (e2e/SOURCE.md, "prefixtuning/src1_*.txt"): one `<source>||<target>` line per CSV row, the
// source already linearised and the target already space-tokenised. With these files the
// training strings are the paper's byte for byte, target tokenisation included.
import { DataRecordError, describeValue } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { checkRecord } from '../records/validate-record';
import { readLines } from '../text/read-lines';
import type { TextInput } from '../text/text-input';
import schema from './paper-e2e-line.schema.json';

export interface PaperE2ELine {
  /** The linearised MR, as the paper built it after `line.strip()`. */
  source: string;
  /** The tokenised reference, trailing space kept (the paper keeps it in training). */
  target: string;
  line: number;
}

/** Streams `<source>||<target>` lines; a line without `||` is a DataRecordError. */
export function readPaperE2E(
  input: TextInput,
  options: ReadOptions = {},
): RecordStream<PaperE2ELine> {
  const file = options.file ?? 'src1 file';
  return new RecordStream(
    async function* () {
      for await (const { text, line } of readLines(input)) {
        if (text.length === 0) continue;
        const bar = text.indexOf('||');
        if (bar === -1) {
          yield new DataRecordError(
            { file, line, field: 'line' },
            '`<source>||<target>`',
            describeValue(text),
          );
          continue;
        }
        const record = { source: text.slice(0, bar).trim(), target: text.slice(bar + 2) };
        yield checkRecord(schema, record, { file, line }) ?? { ...record, line };
      }
    },
    { ...options, file },
  );
}

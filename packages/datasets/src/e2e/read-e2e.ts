// Reads an E2E NLG Challenge CSV (e2e/SOURCE.md): `trainset.csv` / `devset.csv` (CRLF, header
// `mr,ref`), `testset_w_refs.csv` (LF, `mr,ref`), `testset.csv` (LF, header `MR`, no refs) and
// the cleaned release's `mr,ref,fixed,orig_mr` files (e2e-cleaned/SOURCE.md). One record per CSV
// row, in file order; rows sharing an MR stay separate (group them with groupReferences).
import { DataRecordError, describeValue } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { checkRecord } from '../records/validate-record';
import { readCsv } from '../text/read-csv';
import type { TextInput } from '../text/text-input';
import { type E2ERecord, e2eRecordSchema } from './e2e-record';
import { parseMeaningRepresentation } from './parse-mr';

type Layout = 'mr' | 'mr,ref' | 'mr,ref,fixed,orig_mr';

/** The three headers the releases use; `MR` (testset.csv) is matched case-insensitively. */
const layouts: Record<string, Layout> = {
  mr: 'mr',
  'mr,ref': 'mr,ref',
  'mr,ref,fixed,orig_mr': 'mr,ref,fixed,orig_mr',
};

/**
 * Streams the records of one E2E CSV file.
 *
 * @example
 * const records = await readE2E(csvText, { file: 'devset.csv' }).toArray();
 * records[0].attributes; // [{ key: 'name', value: 'Alimentum' }, ...]
 */
export function readE2E(input: TextInput, options: ReadOptions = {}): RecordStream<E2ERecord> {
  const file = options.file ?? 'E2E CSV';
  return new RecordStream(() => produceE2E(input, file), { ...options, file });
}

async function* produceE2E(
  input: TextInput,
  file: string,
): AsyncGenerator<E2ERecord | DataRecordError> {
  let layout: Layout | undefined;
  let columns: string[] = [];
  for await (const row of readCsv(input)) {
    if (layout === undefined) {
      const header = row.fields.map((name) => name.trim().toLowerCase()).join(',');
      layout = layouts[header];
      if (!layout) {
        // Without a known header no row can be interpreted: this is fatal even when skipping.
        throw new DataRecordError(
          { file, line: row.line, field: 'header' },
          'one of the headers mr | mr,ref | mr,ref,fixed,orig_mr',
          describeValue(row.fields.join(','), 80),
        );
      }
      columns = layout.split(',');
      continue;
    }
    if (row.problem) {
      yield new DataRecordError(
        { file, line: row.line, field: columns[row.problem.fieldIndex] ?? 'row' },
        row.problem.expected,
        row.problem.got,
      );
      continue;
    }
    if (row.fields.length !== columns.length) {
      yield new DataRecordError(
        { file, line: row.line, field: 'row' },
        `${columns.length} fields (${columns.join(',')})`,
        `${row.fields.length} fields`,
      );
      continue;
    }
    yield toRecord(row.fields, layout, file, row.line);
  }
}

function toRecord(
  fields: string[],
  layout: Layout,
  file: string,
  line: number,
): E2ERecord | DataRecordError {
  const mr = fields[0]!;
  const attributes = parseMeaningRepresentation(mr);
  if (!attributes) {
    return new DataRecordError(
      { file, line, field: 'mr' },
      'a meaning representation `attr[value], attr[value], ...`',
      describeValue(mr),
    );
  }
  const record: Omit<E2ERecord, 'line'> = { mr, attributes };
  if (layout !== 'mr') record.ref = fields[1]!;
  if (layout === 'mr,ref,fixed,orig_mr') {
    const fixed = fields[2]!;
    if (fixed !== '0' && fixed !== '1') {
      return new DataRecordError({ file, line, field: 'fixed' }, '0 or 1', describeValue(fixed));
    }
    record.fixed = fixed === '1';
    record.originalMr = fields[3]!;
  }
  const invalid = checkRecord(e2eRecordSchema, record, {
    file,
    line,
    fieldNames: { originalMr: 'orig_mr' },
  });
  return invalid ?? { ...record, line };
}

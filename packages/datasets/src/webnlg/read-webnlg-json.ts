// Reads the paper's WebNLG JSON (`webnlg_challenge_2017/{train,dev,test}.json`, webnlg/SOURCE.md
// "dev.json"): `{"entries": [{"1": {...}}, {"2": {...}}, ...]}`, each entry wrapped in an object
// keyed by its 1-based position. Streamed element by element; yields the same WebNLGEntry as the
// XML reader so either source feeds the same linearisation.
import { DataRecordError, describeValue } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { checkRecord } from '../records/validate-record';
import { readJsonArray } from '../text/read-json-array';
import type { TextInput } from '../text/text-input';
import { type WebNLGEntry, webnlgEntrySchema } from './webnlg-entry';

interface JsonEntry {
  category?: unknown;
  size?: unknown;
  xml_id?: unknown;
  modifiedtripleset?: unknown;
  lexicalisations?: Array<{ comment?: unknown; lex?: unknown; xml_id?: unknown }>;
}

/** Streams the entries of the paper's WebNLG JSON, in file order. */
export function readWebNLGJson(
  input: TextInput,
  options: ReadOptions = {},
): RecordStream<WebNLGEntry> {
  const file = options.file ?? 'WebNLG JSON';
  return new RecordStream(
    async function* () {
      let position = 0;
      for await (const item of readJsonArray(input, { nested: true })) {
        position += 1;
        if ('problem' in item) {
          const { line, expected, got } = item.problem;
          yield new DataRecordError({ file, line, field: 'entries' }, expected, got);
          continue;
        }
        const wrapped = item.value as Record<string, JsonEntry> | null;
        const entry = wrapped?.[String(position)];
        if (typeof entry !== 'object' || entry === null) {
          yield new DataRecordError(
            { file, line: item.line, field: `entries/${position - 1}` },
            `an object with the single key "${position}"`,
            describeValue(JSON.stringify(wrapped)),
          );
          continue;
        }
        const size = Number(entry.size);
        const record = {
          category: entry.category,
          eid: entry.xml_id,
          size: Number.isInteger(size) ? size : entry.size,
          triples: entry.modifiedtripleset,
          lexicalisations: Array.isArray(entry.lexicalisations)
            ? entry.lexicalisations.map((lex) => ({
                comment: lex.comment,
                lid: lex.xml_id,
                text: lex.lex,
              }))
            : entry.lexicalisations,
        };
        const invalid = checkRecord(webnlgEntrySchema, record, { file, line: item.line });
        yield invalid ?? {
          ...(record as Omit<WebNLGEntry, 'file' | 'line'>),
          file,
          line: item.line,
        };
      }
    },
    { ...options, file },
  );
}

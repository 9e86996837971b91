// Reads DART v1.1.1 (dart/SOURCE.md): the JSON (a top-level array, streamed one entry at a time)
// and the WebNLG-style XML (`category="MISC"`, `<lex comment=SOURCE>`), both into DartEntry.
import { DataRecordError } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { checkRecord } from '../records/validate-record';
import { readJsonArray } from '../text/read-json-array';
import type { TextInput } from '../text/text-input';
import { readWebNLG } from '../webnlg/read-webnlg';
import schema from './dart-entry.schema.json';
import type { DartTriple } from './linearize-dart';

export interface DartEntry {
  tripleset: DartTriple[];
  annotations: Array<{ source: string; text: string }>;
  /** JSON only; absent when read from XML. */
  subtreeWasExtended?: boolean | null;
  file: string;
  line: number;
}

export const dartEntrySchema: object = schema;

/**
 * Streams the entries of a DART JSON file.
 *
 * @example
 * const dev = await readDartJson(text, { file: 'dart-v1.1.1-full-dev.json' }).toArray();
 * dev.length; // 2768
 */
export function readDartJson(input: TextInput, options: ReadOptions = {}): RecordStream<DartEntry> {
  const file = options.file ?? 'DART JSON';
  return new RecordStream(
    async function* () {
      for await (const item of readJsonArray(input)) {
        if ('problem' in item) {
          const { line, expected, got } = item.problem;
          yield new DataRecordError({ file, line, field: '(array)' }, expected, got);
          continue;
        }
        const invalid = checkRecord(dartEntrySchema, item.value, { file, line: item.line });
        if (invalid) {
          yield invalid;
          continue;
        }
        const value = item.value as {
          tripleset: DartTriple[];
          annotations: DartEntry['annotations'];
          subtree_was_extended?: boolean | null;
        };
        const entry: DartEntry = {
          tripleset: value.tripleset,
          annotations: value.annotations,
          file,
          line: item.line,
        };
        if ('subtree_was_extended' in value) entry.subtreeWasExtended = value.subtree_was_extended;
        yield entry;
      }
    },
    { ...options, file },
  );
}

/** Streams the entries of a DART XML file (same layout as WebNLG; `comment` = source). */
export function readDartXml(input: TextInput, options: ReadOptions = {}): RecordStream<DartEntry> {
  const file = options.file ?? 'DART XML';
  const entries = readWebNLG(input, { ...options, file });
  return new RecordStream(
    async function* () {
      for await (const entry of entries.withErrors()) {
        if (entry instanceof DataRecordError) {
          yield entry;
          continue;
        }
        yield {
          tripleset: entry.triples.map(
            (triple) => [triple.subject, triple.property, triple.object] as const,
          ),
          annotations: entry.lexicalisations.map((lex) => ({
            source: lex.comment,
            text: lex.text,
          })),
          file,
          line: entry.line,
        };
      }
    },
    { ...options, file },
  );
}

// Reads WebNLG 2017 XML (webnlg/SOURCE.md): `<entry category eid size>` with a
// `<modifiedtripleset>` of `subject | property | object` lines and `<lex comment lid>` texts.
// DART's XML has the same layout (dart/SOURCE.md), so readDartXml reuses this reader.
import { DataRecordError, describeValue } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { checkRecord } from '../records/validate-record';
import { readXmlElements, type XmlElement } from '../text/read-xml-elements';
import type { TextInput } from '../text/text-input';
import { type Triple, type WebNLGEntry, webnlgEntrySchema } from './webnlg-entry';

/**
 * Streams the entries of one WebNLG-style XML file, in file order.
 *
 * @example
 * for await (const entry of readWebNLG(xmlText, { file: 'testdata_with_lex.xml' })) {
 *   entry.triples[0]; // { subject: 'Abilene_Regional_Airport', property: 'cityServed', ... }
 * }
 */
export function readWebNLG(input: TextInput, options: ReadOptions = {}): RecordStream<WebNLGEntry> {
  const file = options.file ?? 'WebNLG XML';
  return new RecordStream(
    async function* () {
      for await (const item of readXmlElements(input, 'entry')) {
        if ('problem' in item) {
          const { line, expected, got } = item.problem;
          yield new DataRecordError({ file, line, field: 'entry' }, expected, got);
          continue;
        }
        yield toEntry(item.element, file);
      }
    },
    { ...options, file },
  );
}

function toEntry(element: XmlElement, file: string): WebNLGEntry | DataRecordError {
  const triples: Triple[] = [];
  const lexicalisations: WebNLGEntry['lexicalisations'] = [];
  for (const child of element.children) {
    if (child.name === 'modifiedtripleset') {
      for (const mtriple of child.children) {
        const parts = mtriple.text.split(' | ');
        if (mtriple.name !== 'mtriple' || parts.length !== 3) {
          return new DataRecordError(
            { file, line: mtriple.line, field: mtriple.name },
            '`subject | property | object`',
            describeValue(mtriple.text),
          );
        }
        triples.push({ subject: parts[0]!, property: parts[1]!, object: parts[2]! });
      }
    } else if (child.name === 'lex') {
      lexicalisations.push({
        comment: child.attributes.comment ?? '',
        lid: child.attributes.lid ?? '',
        text: child.text,
      });
    }
  }
  const size = Number(element.attributes.size);
  const record = {
    category: element.attributes.category,
    eid: element.attributes.eid,
    size: Number.isInteger(size) ? size : element.attributes.size,
    triples,
    lexicalisations,
  };
  const invalid = checkRecord(webnlgEntrySchema, record, { file, line: element.line });
  if (invalid) return invalid;
  if (record.size !== triples.length) {
    return new DataRecordError(
      { file, line: element.line, field: 'size' },
      `size = number of <mtriple> (${triples.length})`,
      String(record.size),
    );
  }
  return { ...(record as Omit<WebNLGEntry, 'file' | 'line'>), file, line: element.line };
}

// A small reader for the CSV/TSV files of the E2E challenge, following how the official
// e2e-metrics `read_tsv` reads them: each physical line is stripped, empty lines are dropped,
// mis-encoded pound and e-acute are repaired, then Python's `csv` module (excel dialect) splits
// fields: a field that starts with `"` is quoted, `""` inside it is one quote.
import { MetricDataFormatError } from '../errors';

// e2e-metrics `read_tsv` repairs (in this order): Ł -> £, Â£ -> £, Ã© -> é, ã© -> é.
const REPAIRS: [string, string][] = [
  ['\u0141', '\u00a3'],
  ['\u00c2\u00a3', '\u00a3'],
  ['\u00c3\u00a9', '\u00e9'],
  ['\u00e3\u00a9', '\u00e9'],
];
const NEEDS_REPAIR = /[\u0141\u00c2\u00c3\u00e3]/;

// Python's str.strip() whitespace (Unicode White_Space plus the ASCII separators 0x1C-0x1F).
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace includes the ASCII separators 0x1C-0x1F
const PY_STRIP = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g;

/** Splits text into lines as Python's universal-newline reading does, stripped and repaired. */
export function readStrippedLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > 0) lines[0] = (lines[0] as string).replace(/\ufeff/g, '');
  return lines.map((line) => {
    let s = line.replace(PY_STRIP, '');
    // Most lines need no repair: test for the repairs' first characters once.
    if (NEEDS_REPAIR.test(s)) for (const [from, to] of REPAIRS) s = s.split(from).join(to);
    return s;
  });
}

/** Splits one line into fields like Python's `csv.reader` (excel dialect) with `delimiter`. */
export function splitDelimitedLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) break;
        const c = line[i] as string;
        if (c === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        // Copy the run up to the next quote in one slice.
        const q = line.indexOf('"', i);
        const end = q < 0 ? line.length : q;
        field += line.slice(i, end);
        i = end;
      }
    }
    // Unquoted text, or text after a closing quote, runs to the next delimiter (Python keeps it).
    let d = line.indexOf(delimiter, i);
    if (d < 0) d = line.length;
    field += line.slice(i, d);
    i = d;
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // skip the delimiter
  }
}

const HEADER_SRC =
  /^(mr|src|source|meaning(?:[_ .-]rep(?:resentation)?)?|da|dial(?:ogue)?[_ .-]act)s?/i;
const HEADER_TEXT =
  /^(out(?:put)?|ref(?:erence)?|sys(?:tem)?(?:[_ .-](?:out(?:put)?|ref(?:erence)?))?)s?/i;

/** Source (MR) and text columns of an E2E CSV/TSV file, header detected as e2e-metrics does. */
export function readSourceTextTable(
  text: string,
  file: string,
): { sources: string[]; texts: string[] } {
  const lines = readStrippedLines(text).filter((l) => l !== '');
  if (lines.length === 0) {
    throw new MetricDataFormatError(file, undefined, 'no data', {
      expected: 'at least one line',
      got: 'an empty file',
    });
  }
  const delimiter = (lines[0] as string).includes('\t') ? '\t' : ',';
  let rows = lines.map((l) => splitDelimitedLine(l, delimiter));
  const header = rows[0] as string[];
  const srcCols = header.flatMap((f, i) => (HEADER_SRC.test(f) ? [i] : []));
  const textCols = header.flatMap((f, i) => (HEADER_TEXT.test(f) ? [i] : []));
  let srcCol = 0;
  let textCol = 1;
  if (srcCols.length === 1 && textCols.length === 1) {
    srcCol = srcCols[0] as number;
    textCol = textCols[0] as number;
    rows = rows.slice(1);
  } else if (srcCols.length !== 0 || textCols.length !== 0) {
    throw new MetricDataFormatError(file, 1, 'ambiguous header', {
      expected: 'one MR column and one output/reference column',
      got: JSON.stringify(header),
    });
  }
  const width = header.length;
  const sources: string[] = [];
  const texts: string[] = [];
  rows.forEach((row, index) => {
    if (row.length !== width) {
      throw new MetricDataFormatError(file, index + 2, 'wrong number of columns', {
        expected: `${width}`,
        got: `${row.length}`,
      });
    }
    sources.push(row[srcCol] as string);
    texts.push(row[textCol] as string);
  });
  return { sources, texts };
}

/** Groups consecutive rows with the same source (e2e-metrics `read_and_group_tsv`). */
export function groupConsecutive(
  sources: readonly string[],
  texts: readonly string[],
): { sources: string[]; groups: string[][] } {
  const outSources: string[] = [];
  const groups: string[][] = [];
  sources.forEach((src, i) => {
    if (outSources.length === 0 || outSources[outSources.length - 1] !== src) {
      outSources.push(src);
      groups.push([]);
    }
    (groups[groups.length - 1] as string[]).push(texts[i] as string);
  });
  return { sources: outSources, groups };
}

// A streaming RFC 4180 CSV reader, as the E2E files need it (e2e/SOURCE.md): comma-separated,
// double-quoted fields with `""` escapes, CRLF or LF record ends, and line breaks *inside* quoted
// fields (two trainset.csv records carry a CRLF in their `ref`), so the file cannot be split by
// lines first. Each row carries the physical line it starts on, for error messages.
import { type TextInput, textChunks } from './text-input';

export interface CsvRow {
  fields: string[];
  /** 1-based physical line on which the row starts. */
  line: number;
  /** Set when the row is malformed; the fields are then what could be read. */
  problem?: {
    expected: string;
    got: string /** 0-based field the problem is in. */;
    fieldIndex: number;
  };
}

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Yields every CSV row (header included) in file order; blank lines are not rows. */
export async function* readCsv(input: TextInput): AsyncGenerator<CsvRow> {
  let state = State.FieldStart;
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let rowStarted = false;
  let problem: CsvRow['problem'];

  const endRow = (): CsvRow => {
    fields.push(field);
    const row: CsvRow = problem ? { fields, line: rowLine, problem } : { fields, line: rowLine };
    fields = [];
    field = '';
    problem = undefined;
    rowStarted = false;
    state = State.FieldStart;
    return row;
  };

  for await (const chunk of textChunks(input)) {
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk[index]!;
      if (!rowStarted) {
        if (char === '\n') {
          line += 1;
          continue;
        }
        if (char === '\r') continue;
        rowStarted = true;
        rowLine = line;
      }
      switch (state) {
        case State.FieldStart:
        case State.Unquoted:
          if (char === ',') {
            fields.push(field);
            field = '';
            state = State.FieldStart;
          } else if (char === '\n') {
            line += 1;
            yield endRow();
          } else if (char === '\r') {
            // CR only ends a record together with the LF that follows it.
          } else if (char === '"' && state === State.FieldStart) {
            state = State.Quoted;
          } else {
            field += char;
            state = State.Unquoted;
          }
          break;
        case State.Quoted:
          if (char === '"') state = State.QuoteInQuoted;
          else {
            if (char === '\n') line += 1;
            field += char;
          }
          break;
        case State.QuoteInQuoted:
          if (char === '"') {
            field += '"';
            state = State.Quoted;
          } else if (char === ',') {
            fields.push(field);
            field = '';
            state = State.FieldStart;
          } else if (char === '\n') {
            line += 1;
            yield endRow();
          } else if (char !== '\r') {
            problem ??= {
              expected: 'a comma or line end after a closing quote',
              got: JSON.stringify(char),
              fieldIndex: fields.length,
            };
            field += char;
            state = State.Unquoted;
          }
          break;
      }
    }
  }
  if (rowStarted) {
    if (state === State.Quoted) {
      problem ??= { expected: 'a closing quote', got: 'end of file', fieldIndex: fields.length };
    }
    yield endRow();
  }
}

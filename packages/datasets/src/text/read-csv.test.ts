import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv';

async function rows(input: string | string[]) {
  const out = [];
  for await (const row of readCsv(input)) out.push(row);
  return out;
}

/** Every way of cutting the text into two chunks must give the same rows as the whole text. */
async function everySplit(text: string) {
  const whole = await rows(text);
  for (let cut = 0; cut <= text.length; cut++) {
    expect(await rows([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  }
  return whole;
}

describe('readCsv', () => {
  it('reads CRLF rows, quoted commas, doubled quotes and a line break inside quotes', async () => {
    const text = 'mr,ref\r\n"a[1], b[2]","say ""hi""\r\nthere"\r\nc[3],plain\r\n';
    const result = await everySplit(text);
    expect(result).toEqual([
      { fields: ['mr', 'ref'], line: 1 },
      { fields: ['a[1], b[2]', 'say "hi"\r\nthere'], line: 2 },
      { fields: ['c[3]', 'plain'], line: 4 },
    ]);
  });

  it('reads LF files, a last row without newline, and skips blank lines', async () => {
    expect(await everySplit('MR\n\n"x[1]"\ny[2]')).toEqual([
      { fields: ['MR'], line: 1 },
      { fields: ['x[1]'], line: 3 },
      { fields: ['y[2]'], line: 4 },
    ]);
  });

  it('reports an unterminated quote and text after a closing quote', async () => {
    const [, broken] = await rows('a,b\n"x"y,z\n');
    expect(broken!.problem).toEqual({
      expected: 'a comma or line end after a closing quote',
      got: '"y"',
      fieldIndex: 0,
    });
    const [, open] = await rows('a,b\n"never closed,z\n');
    expect(open!.problem).toEqual({
      expected: 'a closing quote',
      got: 'end of file',
      fieldIndex: 0,
    });
  });
});

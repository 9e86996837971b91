import { describe, expect, it } from 'vitest';
import { readJsonArray } from './read-json-array';

async function items(input: string | string[], nested = false) {
  const out = [];
  for await (const item of readJsonArray(input, { nested })) out.push(item);
  return out;
}

describe('readJsonArray', () => {
  it('streams objects, arrays and scalars with their start line, however chunked', async () => {
    const text = '[\n  {"a": "x]}\\"", "b": [1, 2]},\n  [3],\n  "s,]",\n  42\n]\n';
    const whole = await items(text);
    expect(whole).toEqual([
      { value: { a: 'x]}"', b: [1, 2] }, line: 2 },
      { value: [3], line: 3 },
      { value: 's,]', line: 4 },
      { value: 42, line: 5 },
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await items([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });

  it('finds the first array of a wrapper object when nested', async () => {
    expect(await items('{"entries": [{"1": 1}, {"2": 2}]}', true)).toEqual([
      { value: { '1': 1 }, line: 1 },
      { value: { '2': 2 }, line: 1 },
    ]);
  });

  it('reports a broken element, a non-array and a truncated array', async () => {
    expect(await items('[{"a": }]')).toEqual([
      { problem: expect.objectContaining({ line: 1, expected: 'a JSON value' }) },
    ]);
    expect(await items('{"a": 1}')).toEqual([
      { problem: { line: 1, expected: 'a JSON array', got: '{' } },
    ]);
    const truncated = await items('[{"a": 1},\n');
    expect(truncated.at(-1)).toEqual({
      problem: { line: 2, expected: 'the closing ] of the array', got: 'end of file' },
    });
  });
});

// The JSON locator agrees with JSON.parse on what is valid, and says where the text breaks
// without quoting it.
import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxError, findJsonSyntaxProblem } from './json-syntax';

const valid = [
  '{}',
  '[]',
  ' {"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9"], "b": {"c": {}}} ',
  '"just a string"',
  '0',
  '[[[[[]]]]]',
];
const invalid: [string, number, number, string][] = [
  ['', 1, 1, 'expected a value, got end of input'],
  ['{"a": 1,}', 1, 9, "expected a '\"' starting a key, got '}'"],
  ['{\n  "a" 1\n}', 2, 7, "expected ':', got a digit"],
  ['[1 2]', 1, 4, "expected ',' or ']', got a digit"],
  ['secret-key-material', 1, 1, 'expected a value, got a letter'],
  ['{"a": tru}', 1, 7, 'expected a value, got a letter'],
  [
    '{"a": "b\u0001"}',
    1,
    9,
    "expected a closing '\"' (or a valid escape), got control character U+0001",
  ],
  ['[-x]', 1, 3, 'expected a digit, got a letter'],
  ['{} x', 1, 4, 'expected end of input after the value, got a letter'],
  ['01', 1, 2, 'expected end of input after the value, got a digit'],
  ['\u00ff\u00fe{', 1, 1, 'expected a value, got a non-ASCII character'],
];

describe('findJsonSyntaxProblem', () => {
  it.each(valid)('accepts %j like JSON.parse', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxProblem(text)).toBeUndefined();
  });

  it.each(invalid)('locates the problem in %j', (text, line, column, what) => {
    expect(() => JSON.parse(text)).toThrow();
    const problem = findJsonSyntaxProblem(text)!;
    expect([problem.line, problem.column]).toEqual([line, column]);
    expect(`expected ${problem.expected}, got ${problem.found}`).toBe(what);
  });

  it('agrees with JSON.parse on every mutation of a small document', () => {
    const base = '{"a": [1, -2.5e3, "x\\"y", true, null], "b": {"c": false}}';
    const alphabet = [
      '',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '-',
      '0',
      '1',
      'e',
      '.',
      ' ',
      'x',
      't',
    ];
    const disagree: string[] = [];
    for (let index = 0; index <= base.length; index++) {
      for (const char of alphabet) {
        for (const text of [
          base.slice(0, index) + char + base.slice(index + 1),
          base.slice(0, index) + char + base.slice(index),
        ]) {
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          if (parses !== (findJsonSyntaxProblem(text) === undefined)) disagree.push(text);
        }
      }
    }
    expect(disagree).toEqual([]);
  });

  it('handles nesting far deeper than the call stack allows recursion', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(findJsonSyntaxProblem(deep)).toBeUndefined();
  });
});

describe('describeJsonSyntaxError', () => {
  it('says where and what, quoting none of the text', () => {
    const message = describeJsonSyntaxError('-----BEGIN PRIVATE KEY-----\nMIIEv');
    expect(message).toBe("not valid JSON at line 1, column 2: expected a digit, got '-'");
    expect(message).not.toContain('BEGIN');
  });
});

// Where a JSON text stops being JSON, as a line and column and what was expected there. Errors
// quote none of the text itself: V8's JSON.parse messages embed the input's first bytes
// (`Unexpected token 'x', "..." is not valid JSON`), which for a mistyped path can be a private
// key or binary noise on the terminal. Runs only after JSON.parse has failed; iterative, so
// deep nesting cannot overflow the stack.

export interface JsonSyntaxProblem {
  /** 1-based line and column (in UTF-16 code units) of the first offending character. */
  line: number;
  column: number;
  /** What the grammar allowed there, e.g. `a value`, `',' or '}'`. */
  expected: string;
  /** What was there, described without quoting the text: `end of input`, `a letter`, ... */
  found: string;
}

function describeChar(text: string, index: number): string {
  if (index >= text.length) return 'end of input';
  const code = text.charCodeAt(index);
  if (code < 0x20 || code === 0x7f)
    return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  const char = text[index]!;
  if (/[{}[\]:,"]/.test(char)) return `'${char}'`;
  if (/[A-Za-z]/.test(char)) return 'a letter';
  if (/[0-9]/.test(char)) return 'a digit';
  if (code > 0x7f) return 'a non-ASCII character';
  return `'${char}'`;
}

/** Scans `text` and returns where it stops being valid JSON (undefined if it is valid). */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let index = 0;
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const fail = (expected: string): JsonSyntaxProblem => {
    const before = text.slice(0, index);
    const line = before.split('\n').length;
    const column = index - before.lastIndexOf('\n');
    return { line, column, expected, found: describeChar(text, index) };
  };
  const scanString = (): boolean => {
    index++; // opening quote
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === 0x22) {
        index++;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 0x5c) {
        const next = text[index + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
          index += 6;
        else {
          index++;
          return false;
        }
      } else index++;
    }
    return false;
  };
  const scanNumber = (): boolean => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      text.slice(index, index + 400),
    );
    if (!match) {
      index++; // a lone '-': the problem is the character after it
      return false;
    }
    index += match[0].length;
    return true;
  };
  // Each frame is an open container and what it waits for next.
  type State =
    | 'value'
    | 'array-first'
    | 'array-next'
    | 'key'
    | 'object-first'
    | 'colon'
    | 'object-next';
  const stack: ('array' | 'object')[] = [];
  let state: State = 'value';
  for (;;) {
    skipSpace();
    const char = text[index];
    switch (state) {
      case 'value':
      case 'array-first': {
        if (state === 'array-first' && char === ']') {
          index++;
          stack.pop();
          break;
        }
        if (char === '{') {
          index++;
          stack.push('object');
          state = 'object-first';
          continue;
        }
        if (char === '[') {
          index++;
          stack.push('array');
          state = 'array-first';
          continue;
        }
        if (char === '"') {
          if (!scanString()) return fail("a closing '\"' (or a valid escape)");
        } else if (char === 't' || char === 'f' || char === 'n') {
          const word = char === 't' ? 'true' : char === 'f' ? 'false' : 'null';
          if (text.slice(index, index + word.length) !== word) return fail('a value');
          index += word.length;
        } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
          if (!scanNumber()) return fail('a digit');
        } else return fail(state === 'array-first' ? "a value or ']'" : 'a value');
        break;
      }
      case 'object-first':
      case 'key':
        if (state === 'object-first' && char === '}') {
          index++;
          stack.pop();
          break;
        }
        if (char !== '"')
          return fail(
            state === 'object-first' ? "a '\"' starting a key, or '}'" : "a '\"' starting a key",
          );
        if (!scanString()) return fail("a closing '\"' (or a valid escape)");
        state = 'colon';
        continue;
      case 'colon':
        if (char !== ':') return fail("':'");
        index++;
        state = 'value';
        continue;
      case 'array-next':
        if (char === ',') {
          index++;
          state = 'value';
          continue;
        }
        if (char !== ']') return fail("',' or ']'");
        index++;
        stack.pop();
        break;
      case 'object-next':
        if (char === ',') {
          index++;
          state = 'key';
          continue;
        }
        if (char !== '}') return fail("',' or '}'");
        index++;
        stack.pop();
        break;
    }
    // A value (or a container) just ended: what comes next depends on the enclosing container.
    const top = stack.at(-1);
    if (top === 'array') state = 'array-next';
    else if (top === 'object') state = 'object-next';
    else {
      skipSpace();
      return index === text.length ? undefined : fail('end of input after the value');
    }
  }
}

/**
 * "line L, column C: expected X, got Y" for a text JSON.parse refused, quoting none of it.
 * @example try { JSON.parse(text) } catch { throw new Error(`${file}: ${describeJsonSyntaxError(text)}`) }
 */
export function describeJsonSyntaxError(text: string): string {
  const problem = findJsonSyntaxProblem(text);
  if (problem === undefined) return 'not valid JSON';
  return `not valid JSON at line ${problem.line}, column ${problem.column}: expected ${problem.expected}, got ${problem.found}`;
}

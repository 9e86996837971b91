// Streams the elements of a top-level JSON array (DART's `dart-v1.1.1-full-*.json` is one array
// of entries; the train file is tens of MB), parsing one element at a time with JSON.parse.
// Only the current element's text is held, never the whole file.
import { type TextInput, textChunks } from './text-input';

export type JsonArrayItem =
  | { value: unknown; line: number }
  | { problem: { line: number; expected: string; got: string } };

/**
 * Yields each element of the top-level array with the 1-based line it starts on. With
 * `nested: true` the array is the first `[` of the document (the paper's WebNLG JSON is
 * `{"entries": [...]}`): text before it and after its `]` is not checked.
 */
export async function* readJsonArray(
  input: TextInput,
  options: { nested?: boolean } = {},
): AsyncGenerator<JsonArrayItem> {
  let depth = 0; // 0 = outside the array, 1 = directly inside it, 2+ = inside an element
  let inString = false;
  let escaped = false;
  let line = 1;
  let inElement = false;
  let scalar = false; // the current element is a number/string/literal, not an object/array
  let element = ''; // text of the current element from earlier chunks
  let elementLine = 0;
  let opened = false;
  let closed = false;

  for await (const chunk of textChunks(input)) {
    let elementStart = inElement ? 0 : -1;
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk[index]!;
      if (char === '\n') line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      const space = char === ' ' || char === '\n' || char === '\r' || char === '\t';
      if (!inElement) {
        if (space || (depth === 1 && char === ',')) continue;
        if (depth === 0) {
          if (closed && options.nested) return;
          if (options.nested && !opened && char !== '[') continue;
          if (char === '[' && !opened) {
            opened = true;
            depth = 1;
            continue;
          }
          yield { problem: { line, expected: closed ? 'end of file' : 'a JSON array', got: char } };
          return;
        }
        if (char === ']') {
          depth = 0;
          closed = true;
          continue;
        }
        inElement = true;
        scalar = char !== '{' && char !== '[';
        elementStart = index;
        elementLine = line;
        if (char === '"') inString = true;
        else if (!scalar) depth += 1;
        continue;
      }
      if (scalar) {
        if (!(space || char === ',' || char === ']')) continue;
        element += chunk.slice(elementStart, index);
      } else {
        if (char === '"') inString = true;
        else if (char === '{' || char === '[') depth += 1;
        else if (char === '}' || char === ']') depth -= 1;
        if (depth > 1) continue;
        element += chunk.slice(elementStart, index + 1);
      }
      yield parseElement(element, elementLine);
      element = '';
      inElement = false;
      elementStart = -1;
      if (scalar && char === ']') {
        depth = 0;
        closed = true;
      }
    }
    if (elementStart !== -1) element += chunk.slice(elementStart);
  }
  if (inElement) {
    yield parseElement(element, elementLine);
  }
  if (!closed)
    yield { problem: { line, expected: 'the closing ] of the array', got: 'end of file' } };
}

function parseElement(text: string, line: number): JsonArrayItem {
  try {
    return { value: JSON.parse(text), line };
  } catch (error) {
    return {
      problem: { line, expected: 'a JSON value', got: (error as Error).message.slice(0, 80) },
    };
  }
}

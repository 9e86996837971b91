// A small streaming XML reader for the WebNLG-style benchmark files (webnlg/SOURCE.md,
// dart/SOURCE.md): it yields each element with a given name (`entry`) as a little tree, so a
// 4 MB file never becomes one DOM. It knows what those files use: elements, attributes, text,
// the five named entities and numeric character references, comments, CDATA, `<?xml?>` and
// `<!DOCTYPE>`. Browser-safe (Node has no DOMParser).
import { type TextInput, textChunks } from './text-input';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), concatenated; child elements' text excluded. */
  text: string;
  /** 1-based line of the opening tag. */
  line: number;
}

/** A file that is not well-formed enough to read. */
export interface XmlProblem {
  line: number;
  expected: string;
  got: string;
}

export type XmlItem = { element: XmlElement } | { problem: XmlProblem };

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Replaces entity and character references; an unknown one is returned in `unknown`. */
export function decodeXmlText(raw: string): { text: string; unknown?: string } {
  if (!raw.includes('&')) return { text: raw };
  let unknown: string | undefined;
  const text = raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (match, body: string) => {
    if (!match.endsWith(';')) {
      unknown ??= match;
      return match;
    }
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    const named = namedEntities[body];
    if (named === undefined) unknown ??= match;
    return named ?? match;
  });
  return unknown === undefined ? { text } : { text, unknown };
}

const attributePattern = /([A-Za-z_:][-\w:.]*)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseTag(body: string): { name: string; attributes: Record<string, string> } {
  const nameMatch = /^[^\s/>]+/.exec(body);
  const name = nameMatch ? nameMatch[0] : '';
  const attributes: Record<string, string> = {};
  for (const match of body.slice(name.length).matchAll(attributePattern)) {
    attributes[match[1]!] = decodeXmlText(match[3] ?? match[4] ?? '').text;
  }
  return { name, attributes };
}

function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', start); index !== -1 && index < end; ) {
    count += 1;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

/**
 * Yields every `elementName` element (with its subtree) in document order, or a problem where
 * the markup inside one is broken (unknown entity, mismatched closing tag, unterminated tag).
 */
export async function* readXmlElements(
  input: TextInput,
  elementName: string,
): AsyncGenerator<XmlItem> {
  let buffer = '';
  let line = 1;
  // The open elements inside the current target element (the target itself at index 0).
  const stack: XmlElement[] = [];
  let problem: XmlProblem | undefined;

  const note = (expected: string, got: string) => {
    problem ??= { line, expected, got };
  };

  for await (const chunk of textChunks(input)) {
    buffer += chunk;
    let position = 0;
    for (;;) {
      const open = buffer.indexOf('<', position);
      if (open === -1) break;
      // Text before the tag belongs to the innermost open element.
      if (open > position) {
        const top = stack[stack.length - 1];
        if (top) {
          const decoded = decodeXmlText(buffer.slice(position, open));
          if (decoded.unknown) note('a known XML entity', decoded.unknown);
          top.text += decoded.text;
        }
        line += countNewlines(buffer, position, open);
        position = open;
      }
      let terminator = '>';
      if (buffer.startsWith('<!--', open)) terminator = '-->';
      else if (buffer.startsWith('<![CDATA[', open)) terminator = ']]>';
      else if (buffer.startsWith('<?', open)) terminator = '?>';
      const close = buffer.indexOf(terminator, open + 1);
      if (close === -1) break; // the tag continues in the next chunk
      const end = close + terminator.length;
      const tagLine = line;
      line += countNewlines(buffer, open, end);
      position = end;
      if (terminator === ']]>') {
        const top = stack[stack.length - 1];
        if (top) top.text += buffer.slice(open + 9, close);
        continue;
      }
      if (terminator !== '>' || buffer[open + 1] === '!') continue;
      const body = buffer.slice(open + 1, close);
      if (body.startsWith('/')) {
        const name = body.slice(1).trim();
        const top = stack.pop();
        if (!top) continue; // closing tags outside the target elements (</entries>)
        if (top.name !== name) note(`</${top.name}>`, `</${name}>`);
        if (stack.length === 0) {
          yield problem ? { problem } : { element: top };
          problem = undefined;
        }
        continue;
      }
      const selfClosing = body.endsWith('/');
      const { name, attributes } = parseTag(selfClosing ? body.slice(0, -1) : body);
      if (stack.length === 0 && name !== elementName) continue;
      const element: XmlElement = { name, attributes, children: [], text: '', line: tagLine };
      stack[stack.length - 1]?.children.push(element);
      if (selfClosing) {
        if (stack.length === 0) yield { element };
      } else {
        stack.push(element);
      }
    }
    buffer = buffer.slice(position);
  }
  if (stack.length > 0) {
    yield {
      problem: problem ?? {
        line,
        expected: `</${stack[stack.length - 1]!.name}>`,
        got: 'end of file',
      },
    };
  }
}

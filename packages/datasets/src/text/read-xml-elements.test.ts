import { describe, expect, it } from 'vitest';
import { decodeXmlText, readXmlElements } from './read-xml-elements';

async function items(input: string | string[]) {
  const out = [];
  for await (const item of readXmlElements(input, 'entry')) out.push(item);
  return out;
}

const xml = `<?xml version='1.0' encoding='UTF-8'?>
<!-- a comment with <entry> inside -->
<benchmark><entries>
  <entry category="Food" eid="Id1" size="1">
    <mtriple>Bacon &amp; eggs | is | &#34;good&#34; &lt;3 &#x41;</mtriple>
    <lex comment="good" lid="Id1"><![CDATA[raw <b>]]> text</lex>
    <empty/>
  </entry>
  <entry category='X' eid="Id2" size="0"/>
</entries></benchmark>`;

describe('readXmlElements', () => {
  it('yields each entry as a tree with decoded text and its line, however the text is chunked', async () => {
    const whole = await items(xml);
    for (let cut = 0; cut <= xml.length; cut += 7) {
      expect(await items([xml.slice(0, cut), xml.slice(cut)])).toEqual(whole);
    }
    const [first, second] = whole;
    if (!first || !('element' in first) || !second || !('element' in second)) throw new Error('no');
    expect(first.element.attributes).toEqual({ category: 'Food', eid: 'Id1', size: '1' });
    expect(first.element.line).toBe(4);
    const [mtriple, lex, empty] = first.element.children;
    expect(mtriple!.text).toBe('Bacon & eggs | is | "good" <3 A');
    expect(lex!.text).toBe('raw <b> text');
    expect(empty!.name).toBe('empty');
    expect(second.element.attributes.category).toBe('X');
    expect(second.element.line).toBe(9);
  });

  it('reports unknown entities, mismatched tags and truncated files with their line', async () => {
    const bad = await items('<entry>\n<lex>&nbsp;</lex>\n</entry>');
    expect(bad).toEqual([{ problem: { line: 2, expected: 'a known XML entity', got: '&nbsp;' } }]);
    const mismatched = await items('<entry>\n<a></b>\n</entry>');
    expect(mismatched[0]).toEqual({ problem: { line: 2, expected: '</a>', got: '</b>' } });
    const truncated = await items('<entry>\n<a>text');
    expect(truncated).toEqual([{ problem: { line: 2, expected: '</a>', got: 'end of file' } }]);
  });

  it('decodes numeric references beyond the BMP', () => {
    expect(decodeXmlText('&#128512;&#x1F600;').text).toBe('😀😀');
  });
});

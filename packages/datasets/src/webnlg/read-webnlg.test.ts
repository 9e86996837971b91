import { describe, expect, it } from 'vitest';
import { linearizeDart } from '../dart/linearize-dart';
import { readDartJson, readDartXml } from '../dart/read-dart';
import { linearizeWebNLG, linearizeWebNLGForDecoding } from './linearize-webnlg';
import { readWebNLG } from './read-webnlg';

const entry = (body: string, size = 1) =>
  `<benchmark><entries>\n<entry category="Food" eid="Id1" size="${size}">\n${body}\n</entry>\n</entries></benchmark>`;

describe('readWebNLG', () => {
  it('reads modified triples and every lexicalisation with its comment', async () => {
    const [record] = await readWebNLG(
      entry(
        '<originaltripleset><otriple>A | p | "B"@en</otriple></originaltripleset>\n<modifiedtripleset><mtriple>A_1 | camelCase | "B, C"</mtriple></modifiedtripleset>\n<lex comment="good" lid="Id1">A is B.</lex><lex comment="toFix" lid="Id2">A B</lex>',
      ),
      { file: 'x.xml' },
    ).toArray();
    expect(record).toMatchObject({
      category: 'Food',
      eid: 'Id1',
      size: 1,
      triples: [{ subject: 'A_1', property: 'camelCase', object: '"B, C"' }],
      lexicalisations: [
        { comment: 'good', lid: 'Id1', text: 'A is B.' },
        { comment: 'toFix', lid: 'Id2', text: 'A B' },
      ],
      file: 'x.xml',
      line: 2,
    });
  });

  it('names the line and element of a triple without three parts, and a wrong size', async () => {
    const broken = readWebNLG(
      entry('<modifiedtripleset>\n<mtriple>A | p</mtriple>\n</modifiedtripleset>'),
      {
        file: 'x.xml',
      },
    );
    await expect(broken.toArray()).rejects.toMatchObject({ line: 4, field: 'mtriple' });
    const wrongSize = readWebNLG(
      entry('<modifiedtripleset><mtriple>A | p | B</mtriple></modifiedtripleset>', 2),
      { onInvalid: 'skip' },
    );
    expect(await wrongSize.toArray()).toEqual([]);
    expect(wrongSize.report.errors[0]).toMatchObject({ field: 'size', line: 2 });
  });

  it('linearises for training and for decoding with the first-entry quirk', () => {
    const triples = [
      { subject: 'S1', property: 'p1', object: 'O1' },
      { subject: 'S2', property: 'p2', object: 'O2' },
    ];
    expect(linearizeWebNLG(triples)).toBe(' | S1 : p1 : O1 | S2 : p2 : O2');
    expect(linearizeWebNLGForDecoding(triples, 0)).toBe('S1 : p1 : O1S2 : p2 : O2');
    expect(linearizeWebNLGForDecoding(triples, 1)).toBe(' | S1 : p1 : O1 | S2 : p2 : O2');
  });
});

describe('readDart', () => {
  it('reads JSON and XML into the same entries and lower-cases relations when linearising', async () => {
    const json = await readDartJson(
      '[{"tripleset": [["[TABLECONTEXT]", "[TITLE]", "X"], ["S", "HAS_ROLE", "O"]], "subtree_was_extended": false, "annotations": [{"source": "e2e", "text": "T"}]}]',
    ).toArray();
    const xml = await readDartXml(
      '<benchmark><entries><entry category="MISC" eid="Id1" size="2"><modifiedtripleset><mtriple>[TABLECONTEXT] | [TITLE] | X</mtriple><mtriple>S | HAS_ROLE | O</mtriple></modifiedtripleset><lex comment="e2e" lid="Id1">T</lex></entry></entries></benchmark>',
    ).toArray();
    expect(xml.map((entry) => [entry.tripleset, entry.annotations])).toEqual(
      json.map((entry) => [entry.tripleset, entry.annotations]),
    );
    expect(json[0]!.subtreeWasExtended).toBe(false);
    expect(linearizeDart(json[0]!.tripleset)).toBe(
      '[TABLECONTEXT] : [title] : X | S : has_role : O',
    );
  });

  it('validates every entry against the schema and names the field', async () => {
    const stream = readDartJson(
      '[{"tripleset": [["a", "b"]], "annotations": []}, {"tripleset": [["a","b","c"]], "annotations": [{"source": "x", "text": "t"}]}]',
      {
        file: 'dev.json',
        onInvalid: 'skip',
      },
    );
    expect((await stream.toArray()).length).toBe(1);
    expect(stream.report.errors[0]).toMatchObject({
      file: 'dev.json',
      line: 1,
      field: 'tripleset/0',
    });
  });
});

// The corpus builder on small in-memory data sets: only train text goes in, MRs never do, and
// evaluation texts are removed as whole documents and as single sentences, with counts.
import type { DataSource } from '@prefixkit/datasets';
import { describe, expect, it } from 'vitest';
import { buildPretrainCorpus, normalizeWhitespace, splitSentences } from './pretrain-corpus';

function memorySource(files: Record<string, string>, fallback?: string): DataSource {
  return {
    describe: (path) => `memory:${path}`,
    readText: (path) => {
      const text = files[path] ?? fallback;
      if (text === undefined) throw new Error(`no file ${path}`);
      return (async function* () {
        yield text;
      })();
    },
  };
}

const csv = (rows: [string, string][]) =>
  `mr,ref\r\n${rows.map(([mr, ref]) => `"${mr}","${ref}"`).join('\r\n')}\r\n`;

const webnlgXml = (lexes: string[]) =>
  `<benchmark><entries><entry category="Airport" eid="Id1" size="1"><modifiedtripleset><mtriple>A | b | C</mtriple></modifiedtripleset>${lexes
    .map((text, k) => `<lex comment="good" lid="Id${k + 1}">${text}</lex>`)
    .join('')}</entry></entries></benchmark>`;

const emptyXml = '<benchmark><entries></entries></benchmark>';

describe('buildPretrainCorpus', () => {
  it('keeps train references and lexicalisations, drops evaluation text and repeats', async () => {
    const e2e = memorySource({
      'trainset.csv': csv([
        ['name[Alpha], food[Thai]', 'Alpha serves Thai food.  It is cheap.'],
        ['name[Beta], food[Thai]', 'Beta is a pub in the city centre.'],
        ['name[Gamma], area[riverside]', 'Gamma is by the river. Gamma is family friendly.'],
        ['name[Alpha], food[Thai]', 'Alpha serves Thai food. It is cheap.'],
      ]),
      'devset.csv': csv([['name[Beta]', 'Beta is a pub   in the city centre.']]),
      'testset_w_refs.csv': csv([['name[Gamma]', 'Gamma is family friendly.']]),
    });
    const trainFile = 'train/1triples/1triple_allSolutions_Airport_train_challenge.xml';
    const webnlg = memorySource(
      {
        [trainFile]: webnlgXml([
          'Aarhus Airport serves Aarhus.',
          'Aarhus is served by its airport.',
        ]),
        'test/testdata_with_lex.xml': webnlgXml(['Aarhus is served by its airport.']),
      },
      emptyXml,
    );
    const { documents, report } = await buildPretrainCorpus({ e2e, webnlg });
    expect(documents).toEqual([
      'Alpha serves Thai food. It is cheap.',
      'Gamma is by the river.',
      'Aarhus Airport serves Aarhus.',
    ]);
    expect(documents.join(' ')).not.toContain('name[');
    expect(report.read).toEqual({ e2eTrain: 4, webnlgTrain: 2 });
    expect(report.droppedDocuments).toBe(2);
    expect(report.droppedSentences).toBe(1);
    expect(report.duplicates).toBe(1);
    expect(report.kept).toEqual({ e2eTrain: 2, webnlgTrain: 1 });
  });

  it('normalises whitespace and splits sentences after . ! ?', () => {
    expect(normalizeWhitespace('  a \t b\r\n c ')).toBe('a b c');
    expect(splitSentences('One.  Two! Three? four')).toEqual(['One.', 'Two!', 'Three?', 'four']);
  });
});

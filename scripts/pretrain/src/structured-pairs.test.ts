// Stage-2 pairs on a small in-memory WebNLG: the paper's training string, only `good`
// lexicalisations, and nothing whose text or triple set belongs to an evaluation split.
import type { DataSource } from '@prefixkit/datasets';
import { describe, expect, it } from 'vitest';
import { buildStructuredPairs } from './structured-pairs';

function memorySource(files: Record<string, string>, fallback: string): DataSource {
  return {
    describe: (path) => `memory:${path}`,
    readText: (path) =>
      (async function* () {
        yield files[path] ?? fallback;
      })(),
  };
}

interface EntrySpec {
  triples: string[];
  lexes: [comment: string, text: string][];
}
const xml = (entries: EntrySpec[]) =>
  `<benchmark><entries>${entries
    .map(
      (entry, e) =>
        `<entry category="Airport" eid="Id${e + 1}" size="${entry.triples.length}"><modifiedtripleset>${entry.triples
          .map((triple) => `<mtriple>${triple}</mtriple>`)
          .join('')}</modifiedtripleset>${entry.lexes
          .map(([comment, text], k) => `<lex comment="${comment}" lid="Id${k + 1}">${text}</lex>`)
          .join('')}</entry>`,
    )
    .join('')}</entries></benchmark>`;

describe('buildStructuredPairs', () => {
  it('writes good train pairs in the paper string and drops evaluation texts and triple sets', async () => {
    const trainFile = 'train/1triples/1triple_allSolutions_Airport_train_challenge.xml';
    const webnlg = memorySource(
      {
        [trainFile]: xml([
          {
            triples: ['Aarhus | leaderName | Jacob_Bundsgaard', 'Aarhus | country | Denmark'],
            lexes: [
              ['good', 'The leader of  Aarhus, Denmark, is Jacob Bundsgaard.'],
              ['toFix', 'Aarhus leader Jacob.'],
              ['good', 'Jacob Bundsgaard leads Aarhus.'],
              ['good', 'The leader of Aarhus, Denmark, is Jacob Bundsgaard.'],
            ],
          },
          { triples: ['Oslo | country | Norway'], lexes: [['good', 'Oslo is in Norway.']] },
        ]),
        'test/testdata_with_lex.xml': xml([
          { triples: ['Oslo | country | Norway'], lexes: [['good', 'Norway has Oslo.']] },
        ]),
      },
      '<benchmark><entries></entries></benchmark>',
    );
    const excluded = new Set(['Jacob Bundsgaard leads Aarhus.']);
    const { documents, report } = await buildStructuredPairs(webnlg, excluded);
    expect(documents).toEqual([
      '  | Aarhus : leaderName : Jacob_Bundsgaard | Aarhus : country : Denmark <|endoftext|> The leader of Aarhus, Denmark, is Jacob Bundsgaard.',
    ]);
    expect(report).toEqual({
      read: 4,
      droppedEvaluationText: 1,
      droppedEvaluationTriples: 1,
      duplicates: 1,
      kept: 1,
    });
  });

  it('swaps entities when asked, keeping a pair as read where a swap recreates an evaluation text', async () => {
    const trainFile = 'train/1triples/1triple_allSolutions_Airport_train_challenge.xml';
    const webnlg = memorySource(
      {
        [trainFile]: xml([
          { triples: ['Aarhus | country | Denmark'], lexes: [['good', 'Aarhus is in Denmark.']] },
          { triples: ['Oslo | country | Norway'], lexes: [['good', 'Oslo is in Norway.']] },
        ]),
      },
      '<benchmark><entries></entries></benchmark>',
    );
    const swapped = await buildStructuredPairs(webnlg, new Set(), { swapEntities: { seed: 5 } });
    expect(swapped.report).toMatchObject({ kept: 2, swapped: 2 });
    // Each pair's names must come from the other pair (its own are taken), in either order,
    // and the triples and the text must agree.
    const pattern = /^ {2}\| (\w+) : country : (\w+) <\|endoftext\|> (\w+) is in (\w+)\.$/u;
    const names = swapped.documents.map((document) => {
      const match = pattern.exec(document);
      expect(match?.slice(1, 3)).toEqual(match?.slice(3, 5));
      return new Set(match?.slice(1, 3));
    });
    expect(names).toEqual([new Set(['Oslo', 'Norway']), new Set(['Aarhus', 'Denmark'])]);
    // Both swaps of the first pair are evaluation texts (the second pair's own text is one).
    const excluded = new Set(['Oslo is in Norway.', 'Norway is in Oslo.']);
    const guarded = await buildStructuredPairs(webnlg, excluded, { swapEntities: { seed: 5 } });
    expect(guarded.report).toMatchObject({ kept: 1, swapped: 0 });
    expect(guarded.documents).toEqual([
      '  | Aarhus : country : Denmark <|endoftext|> Aarhus is in Denmark.',
    ]);
  });

  it('refuses a swap seed that is not an integer', async () => {
    const webnlg = memorySource({}, '<benchmark><entries></entries></benchmark>');
    await expect(
      buildStructuredPairs(webnlg, new Set(), { swapEntities: { seed: Number('seven') } }),
    ).rejects.toThrow(/option swapEntities\.seed: expected an integer, got NaN/u);
  });
});

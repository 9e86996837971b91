// The linearised strings must equal the paper's character for character. E2E: every source of
// the paper's own preprocessed files (src1_valid.txt, src1_test.txt) against our linearisation
// of the official CSV rows. WebNLG and DART: the first records against the strings quoted in
// docs/reference/LINEARIZATION.md, which were produced by the paper's code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dartReferenceGroups,
  dartTrainingPairs,
  e2eTrainingPairs,
  formatPrompt,
  formatTrainingText,
  readDartSplit,
  readE2ESplit,
  readPaperE2E,
  readWebNLGSplit,
  webnlgReferenceGroups,
  webnlgTrainingPairs,
} from '../src/index';
import { createFolderSource, readTextFile } from '../src/node';
import { dataDir, dataLabel, full } from './data-location';

async function first<T>(items: AsyncIterable<T>): Promise<T> {
  for await (const item of items) return item;
  throw new Error('empty');
}

describe(`E2E linearisation vs the paper's src1 files — ${dataLabel}`, () => {
  for (const [split, file] of [
    ['dev', 'src1_valid.txt'],
    ['test', 'src1_test.txt'],
  ] as const) {
    it(`every source of ${file} equals linearizeE2E of the same ${split} CSV row`, async () => {
      const paper = await readPaperE2E(
        readTextFile(join(dataDir('e2e'), 'prefixtuning', file)),
      ).toArray();
      const ours: string[] = [];
      for await (const pair of e2eTrainingPairs(
        readE2ESplit(createFolderSource(dataDir('e2e')), split),
      )) {
        ours.push(pair.source);
      }
      expect(ours.length).toBe(paper.length);
      if (full) expect(paper.length).toBe(split === 'dev' ? 4_672 : 4_693);
      const mismatches = paper
        .map((line, index) => ({ index, paper: line.source, ours: ours[index] }))
        .filter((row) => row.paper !== row.ours);
      expect(mismatches.slice(0, 5)).toEqual([]);
    });
  }

  it('the first dev pair makes the training string and prompt quoted in docs/reference/LINEARIZATION.md', async () => {
    const [line] = await readPaperE2E(
      readTextFile(join(dataDir('e2e'), 'prefixtuning/src1_valid.txt')),
    ).toArray();
    expect(formatTrainingText(line!)).toBe(
      ' name : Alimentum | area : city centre | family friendly : no <|endoftext|> There is a place in the city centre , Alimentum , that is not family - friendly .  <|endoftext|>',
    );
    expect(formatPrompt(line!.source)).toBe(
      ' name : Alimentum | area : city centre | family friendly : no <|endoftext|>',
    );
  });
});

describe(`WebNLG linearisation — ${dataLabel}`, () => {
  const source = createFolderSource(dataDir('webnlg'));
  it('the first dev training string starts with two spaces and a bar', async () => {
    const dev = readWebNLGSplit(source, 'dev', { format: 'json' });
    expect(formatTrainingText(await first(webnlgTrainingPairs(dev)))).toBe(
      '  | Aarhus : leaderName : Jacob_Bundsgaard <|endoftext|> The leader of Aarhus is Jacob Bundsgaard. <|endoftext|>',
    );
  });

  it('decoding reproduces the first-entry quirk, and later entries match training', async () => {
    const groups = await webnlgReferenceGroups(readWebNLGSplit(source, 'dev', { format: 'json' }));
    expect(formatPrompt(groups[0]!.source)).toBe(
      ' Aarhus : leaderName : Jacob_Bundsgaard <|endoftext|>',
    );
    expect(groups[1]!.source.startsWith(' | ')).toBe(true);
    const plain = await webnlgReferenceGroups(readWebNLGSplit(source, 'dev', { format: 'json' }), {
      quirk: false,
    });
    expect(formatPrompt(plain[0]!.source)).toBe(
      '  | Aarhus : leaderName : Jacob_Bundsgaard <|endoftext|>',
    );
  });

  it('test: one group per entry, every lexicalisation a reference', async () => {
    const entries = await readWebNLGSplit(source, 'test').toArray();
    const groups = await webnlgReferenceGroups(entries);
    expect(groups.length).toBe(entries.length);
    expect(groups.map((group) => group.references.length)).toEqual(
      entries.map((entry) => entry.lexicalisations.length),
    );
    if (full) expect(groups.reduce((sum, group) => sum + group.references.length, 0)).toBe(4_928);
  });
});

describe(`DART linearisation — ${dataLabel}`, () => {
  it('the first dev entry gives the quoted training string and prompt', async () => {
    const dev = readDartSplit(createFolderSource(dataDir('dart')), 'dev');
    const pair = await first(dartTrainingPairs(dev));
    expect(formatTrainingText(pair)).toBe(
      ' Mars Hill College : joined : 1973 | Mars Hill College : location : Mars Hill, North Carolina <|endoftext|> A school from Mars Hill, North Carolina, joined in 1973. <|endoftext|>',
    );
    const groups = await dartReferenceGroups(
      readDartSplit(createFolderSource(dataDir('dart')), 'dev'),
    );
    expect(formatPrompt(groups[0]!.source)).toBe(
      ' Mars Hill College : joined : 1973 | Mars Hill College : location : Mars Hill, North Carolina <|endoftext|>',
    );
  });
});

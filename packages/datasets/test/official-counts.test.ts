// Counts per split against the official figures (e2e/, webnlg/, dart/ SOURCE.md and the issue).
// With the shared data present the full sets are read; otherwise the committed samples, whose
// expected counts follow from how scripts/make-fixtures.py cut them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dartReferenceGroups,
  e2eReferenceGroups,
  readDartSplit,
  readDartXml,
  readE2ECleanedSplit,
  readE2ESplit,
  readWebNLG,
  readWebNLGSplit,
  webnlgSeenCategories,
  webnlgTrainingPairs,
  webnlgUnseenCategories,
} from '../src/index';
import { createFolderSource, readTextFile } from '../src/node';
import { dataDir, dataLabel, full } from './data-location';

const e2e = createFolderSource(dataDir('e2e'));
const webnlg = createFolderSource(dataDir('webnlg'));
const dart = createFolderSource(dataDir('dart'));
const webnlgSamplePaths = {
  train: [
    'train/1triples/1triple_allSolutions_Airport_train_challenge.xml',
    'train/2triples/2triples_Astronaut_train_challenge.xml',
    'train/3triples/3triples_WrittenWork_train_challenge.xml',
  ],
  dev: [
    'dev/1triples/1triple_allSolutions_Airport_dev_challenge.xml',
    'dev/2triples/2triples_Astronaut_dev_challenge.xml',
    'dev/3triples/3triples_WrittenWork_dev_challenge.xml',
  ],
};
const webnlgPaths = (split: 'train' | 'dev') => (full ? {} : { paths: webnlgSamplePaths[split] });
const lineCount = (path: string) =>
  readFileSync(path, 'utf-8')
    .split('\n')
    .filter((line) => line.length > 0).length;

describe(`E2E split counts — ${dataLabel}`, () => {
  it('train has 42,061 references (sample: 202, two with a CRLF inside `ref`)', async () => {
    const train = await readE2ESplit(e2e, 'train').toArray();
    expect(train.length).toBe(full ? 42_061 : 202);
    const withBreak = train.filter((record) => record.ref?.includes('\r\n'));
    expect(withBreak.map((record) => record.ref?.slice(0, 40))).toEqual([
      'Giraffe is a coffee shop providing take ',
      'Giraffe is a coffee shop providing take ',
    ]);
  });

  it('dev has 4,672 references over 547 MRs, row for row with the paper’s src1_valid.txt', async () => {
    const dev = await readE2ESplit(e2e, 'dev').toArray();
    const paperLines = lineCount(join(dataDir('e2e'), 'prefixtuning/src1_valid.txt'));
    expect(dev.length).toBe(full ? 4_672 : paperLines);
    const groups = await e2eReferenceGroups(dev);
    expect(groups.length).toBe(full ? 547 : 50);
    expect(groups.reduce((sum, group) => sum + group.references.length, 0)).toBe(dev.length);
  });

  it('test has 4,693 references over 630 unique MRs; testset.csv (header MR) lists them', async () => {
    const test = await readE2ESplit(e2e, 'test').toArray();
    expect(test.length).toBe(
      full ? 4_693 : lineCount(join(dataDir('e2e'), 'prefixtuning/src1_test.txt')),
    );
    const groups = await e2eReferenceGroups(test);
    expect(groups.length).toBe(full ? 630 : 10);
    const mrsOnly = await readE2ESplit(e2e, 'test-mrs').toArray();
    expect(mrsOnly.every((record) => record.ref === undefined)).toBe(true);
    // testset.csv has the same MRs in the same order as the grouped testset_w_refs.csv.
    const mrOrder = [...new Set(test.map((record) => record.mr))];
    expect(mrsOnly.map((record) => record.mr)).toEqual(mrOrder.slice(0, mrsOnly.length));
    expect(mrsOnly.length).toBe(full ? 630 : 10);
  });

  it('cleaned E2E: dev 4,299 / test 4,693 rows with fixed flags', async () => {
    const cleaned = createFolderSource(dataDir('e2e-cleaned'));
    const dev = await readE2ECleanedSplit(cleaned, 'dev').toArray();
    const test = await readE2ECleanedSplit(cleaned, 'test').toArray();
    expect([dev.length, test.length]).toEqual(full ? [4_299, 4_693] : [30, 30]);
    if (full) expect(test.filter((record) => record.fixed).length).toBe(2_076);
    expect(test.every((record) => typeof record.originalMr === 'string')).toBe(true);
  });
});

describe(`WebNLG 2017 split counts — ${dataLabel}`, () => {
  it('train 6,940 entries / 18,025 good lexicalisations; dev 872 / 2,258', async () => {
    const train = await readWebNLGSplit(webnlg, 'train', webnlgPaths('train')).toArray();
    const dev = await readWebNLGSplit(webnlg, 'dev', webnlgPaths('dev')).toArray();
    expect([train.length, dev.length]).toEqual(full ? [6_940, 872] : [12, 12]);
    const goodPairs = async (entries: typeof train) => {
      let count = 0;
      for await (const _ of webnlgTrainingPairs(entries)) count += 1;
      return count;
    };
    if (full) {
      expect(await goodPairs(train)).toBe(18_025);
      expect(await goodPairs(dev)).toBe(2_258);
      const sizes = [1, 2, 3, 4, 5, 6, 7].map(
        (size) => train.filter((entry) => entry.size === size).length,
      );
      expect(sizes).toEqual([1_788, 1_208, 1_350, 1_294, 942, 188, 170]);
    }
  });

  it('test 1,862 entries = 971 seen (10 categories) + 891 unseen (5 categories)', async () => {
    const all = await readWebNLGSplit(webnlg, 'test').toArray();
    const seen = await readWebNLGSplit(webnlg, 'test', { subset: 'seen' }).toArray();
    const unseen = await readWebNLGSplit(webnlg, 'test', { subset: 'unseen' }).toArray();
    expect([all.length, seen.length, unseen.length]).toEqual(
      full ? [1_862, 971, 891] : [30, 20, 10],
    );
    const seenCategories: readonly string[] = webnlgSeenCategories;
    const unseenCategories: readonly string[] = webnlgUnseenCategories;
    expect(seen.every((entry) => seenCategories.includes(entry.category))).toBe(true);
    expect(unseen.every((entry) => unseenCategories.includes(entry.category))).toBe(true);
    if (full) {
      expect(new Set(seen.map((entry) => entry.category)).size).toBe(10);
      expect(new Set(unseen.map((entry) => entry.category)).size).toBe(5);
    }
    // The official unseen file holds the same entries as the unseen subset, in the same order.
    const unseenFile = await readWebNLG(
      readTextFile(join(dataDir('webnlg'), 'test/testdata_unseen_with_lex.xml')),
    ).toArray();
    const strip = (entries: typeof all) =>
      entries.map(({ triples, lexicalisations, category }) => ({
        triples,
        lexicalisations,
        category,
      }));
    expect(strip(unseenFile)).toEqual(strip(unseen).slice(0, unseenFile.length));
    if (full) expect(unseenFile.length).toBe(891);
  });

  it('the paper’s dev.json holds exactly the dev XML entries in sorted-file order', async () => {
    const fromXml = await readWebNLGSplit(webnlg, 'dev', webnlgPaths('dev')).toArray();
    const fromJson = await readWebNLGSplit(webnlg, 'dev', { format: 'json' }).toArray();
    const strip = (entries: typeof fromXml) =>
      entries.map(({ category, eid, size, triples, lexicalisations }) => ({
        category,
        eid,
        size,
        triples,
        lexicalisations,
      }));
    expect(strip(fromJson)).toEqual(strip(fromXml));
  });
});

describe(`DART split counts — ${dataLabel}`, () => {
  it('dev has 2,768 entries, 6,980 annotations, 2,721 unique paper-style inputs; XML agrees', async () => {
    const json = await readDartSplit(dart, 'dev').toArray();
    const xml = await readDartSplit(dart, 'dev', { format: 'xml' }).toArray();
    expect(json.length).toBe(full ? 2_768 : 30);
    const annotations = json.reduce((sum, entry) => sum + entry.annotations.length, 0);
    if (full) {
      expect(annotations).toBe(6_980);
      expect((await dartReferenceGroups(json)).length).toBe(2_721);
    }
    expect(xml.map((entry) => [entry.tripleset, entry.annotations])).toEqual(
      json.map((entry) => [entry.tripleset, entry.annotations]),
    );
  });

  it.runIf(full)('the 2021 test XML (CRLF) has 5,097 entries and 12,552 annotations', async () => {
    const test = readDartXml(
      readTextFile(join(dataDir('dart'), 'test-2021-04-revision/dart-v1.1.1-full-test.xml')),
    );
    const entries = await test.toArray();
    expect(entries.length).toBe(5_097);
    expect(entries.reduce((sum, entry) => sum + entry.annotations.length, 0)).toBe(12_552);
  });
});

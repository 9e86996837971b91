// Our writers against the official reference files: WebNLG's eval-references (all/old/new cat)
// rebuilt from the test XML, line for line and byte for byte; E2E's multi-reference layout.
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  e2eReferenceGroups,
  formatWebNLGReferenceFiles,
  readE2ESplit,
  readWebNLGSplit,
  type WebNLGTestSubset,
  webnlgReferenceGroups,
  webnlgSubsetIndices,
} from '../src/index';
import { createFolderSource, writeE2EReferenceFile, writeWebNLGReferenceFiles } from '../src/node';
import { dataDir, dataLabel } from './data-location';

const tracks: Array<[WebNLGTestSubset, string, number]> = [
  ['all', 'all', 8],
  ['seen', 'old', 8],
  ['unseen', 'new', 5],
];

describe(`WebNLG reference files equal the official eval-references — ${dataLabel}`, () => {
  for (const [subset, track, count] of tracks) {
    it(`${track}-cat: ${count} files, line i = reference k of entry i, blank when missing`, async () => {
      const source = createFolderSource(dataDir('webnlg'));
      const groups = await webnlgReferenceGroups(readWebNLGSplit(source, 'test', { subset }));
      const ours = formatWebNLGReferenceFiles(groups, { count });
      for (let k = 0; k < count; k++) {
        const official = readFileSync(
          join(dataDir('webnlg'), `eval-references/gold-${track}-cat-reference${k}.lex`),
          'utf-8',
        );
        expect(ours[k]!.split('\n').length).toBe(official.split('\n').length);
        expect(ours[k]).toBe(official);
      }
    });

    it(`${track}-cat: the whole test set's groups picked by category give the same files`, async () => {
      // How one output file of the whole test set is split for scoring (evaluate --subsets).
      const source = createFolderSource(dataDir('webnlg'));
      const all = await webnlgReferenceGroups(readWebNLGSplit(source, 'test'));
      const picked = webnlgSubsetIndices(all, subset).map((index) => all[index]!);
      const read = await webnlgReferenceGroups(readWebNLGSplit(source, 'test', { subset }));
      expect(picked.map((group) => group.references)).toEqual(read.map((g) => g.references));
      expect(formatWebNLGReferenceFiles(picked, { count })).toEqual(
        formatWebNLGReferenceFiles(read, { count }),
      );
    });
  }

  it('writes the files atomically under the official names', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'prefixkit-refs-'));
    const groups = await webnlgReferenceGroups(
      readWebNLGSplit(createFolderSource(dataDir('webnlg')), 'test', { subset: 'unseen' }),
    );
    const paths = await writeWebNLGReferenceFiles(join(folder, 'gold-new-cat-reference'), groups, {
      count: 5,
    });
    expect(paths).toHaveLength(5);
    expect((await readdir(folder)).sort()).toEqual(
      [0, 1, 2, 3, 4].map((k) => `gold-new-cat-reference${k}.lex`),
    );
  });
});

describe(`E2E multi-reference file — ${dataLabel}`, () => {
  it('one reference per line, one blank line between MRs, MRs in first-appearance order', async () => {
    const test = await readE2ESplit(createFolderSource(dataDir('e2e')), 'test').toArray();
    const groups = await e2eReferenceGroups(test);
    const folder = await mkdtemp(join(tmpdir(), 'prefixkit-e2e-'));
    await writeE2EReferenceFile(join(folder, 'refs.txt'), groups);
    const text = await readFile(join(folder, 'refs.txt'), 'utf-8');
    const blocks = text.replace(/\n$/, '').split('\n\n');
    expect(blocks.length).toBe(groups.length);
    // Rebuild the row order from the file: block b, line j is the j-th row of the b-th MR.
    const byMr = new Map<string, string[]>();
    for (const record of test) byMr.set(record.mr, [...(byMr.get(record.mr) ?? []), record.ref!]);
    expect(blocks.map((block) => block.split('\n'))).toEqual([...byMr.values()]);
    expect(await readdir(folder)).toEqual(['refs.txt']);
  });
});

// Reading a task's pairs and reference groups from its data folder (or a JSONL file) through
// @prefixkit/datasets; where the data is and what the tasks are stays in task-data.ts.

import type { ReferenceGroup, TextPair } from '@prefixkit/datasets';
import * as datasets from '@prefixkit/datasets';
import { createFolderSource } from '@prefixkit/datasets/node';
import {
  type DataLocation,
  dartFormat,
  dataPath,
  readJsonlPairs,
  type SplitName,
  webnlgXmlFiles,
} from './task-data';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Training pairs (one per reference) of a split. */
export async function readPairs(location: DataLocation, split: SplitName): Promise<TextPair[]> {
  const path = dataPath(location);
  if (location.task === 'jsonl') return readJsonlPairs(path);
  const source = createFolderSource(path);
  switch (location.task) {
    case 'e2e':
      return collect(datasets.e2eTrainingPairs(datasets.readE2ESplit(source, split)));
    case 'webnlg': {
      const paths = split === 'test' ? undefined : webnlgXmlFiles(path, split);
      const entries = datasets.readWebNLGSplit(source, split, paths ? { paths } : {});
      return collect(datasets.webnlgTrainingPairs(entries));
    }
    case 'dart': {
      const format = dartFormat(path, split);
      return collect(datasets.dartTrainingPairs(datasets.readDartSplit(source, split, { format })));
    }
    case 'xsum': {
      const records = datasets.readXsumSplit(source, split === 'dev' ? 'val' : split);
      return (await collect(records)).map(({ source: text, target }) => ({ source: text, target }));
    }
  }
}

/** Each unique input of a split once, in first-appearance order, with its references. */
export async function readGroups(
  location: DataLocation,
  split: SplitName,
): Promise<ReferenceGroup[]> {
  if (location.task === 'jsonl') {
    return datasets.groupReferences(
      (async function* () {
        for (const pair of readJsonlPairs(dataPath(location)))
          yield { key: pair.source, source: pair.source, reference: pair.target };
      })(),
    );
  }
  const path = dataPath(location);
  const source = createFolderSource(path);
  switch (location.task) {
    case 'e2e':
      return datasets.e2eReferenceGroups(datasets.readE2ESplit(source, split));
    case 'webnlg': {
      const paths = split === 'test' ? undefined : webnlgXmlFiles(path, split);
      return datasets.webnlgReferenceGroups(
        datasets.readWebNLGSplit(source, split, paths ? { paths } : {}),
      );
    }
    case 'dart': {
      const format = dartFormat(path, split);
      return datasets.dartReferenceGroups(datasets.readDartSplit(source, split, { format }));
    }
    case 'xsum': {
      const records = datasets.readXsumSplit(source, split === 'dev' ? 'val' : split);
      return (await collect(records)).map((record, index) => ({
        key: String(index),
        source: record.source,
        references: [record.target],
      }));
    }
  }
}

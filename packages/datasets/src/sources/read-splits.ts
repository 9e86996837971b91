// Split-level loaders: which official file(s) make each split, read from any DataSource (a
// local folder, or a download with cache). File names and orders follow the SOURCE.md files.

import { type DartEntry, readDartJson, readDartXml } from '../dart/read-dart';
import type { E2ERecord } from '../e2e/e2e-record';
import { readE2E } from '../e2e/read-e2e';
import { type DataRecordError, DatasetOptionError } from '../errors';
import { type ReadOptions, RecordStream } from '../records/record-stream';
import { readWebNLG } from '../webnlg/read-webnlg';
import { readWebNLGJson } from '../webnlg/read-webnlg-json';
import { inWebNLGSubset, type WebNLGEntry, type WebNLGTestSubset } from '../webnlg/webnlg-entry';
import { readXsumJsonl, readXsumPairs, type XsumRecord, type XsumSplit } from '../xsum/read-xsum';
import type { DataSource } from './data-source';
import { dataManifest } from './manifest.generated';

type Policy = Pick<ReadOptions, 'onInvalid'>;

/** E2E files per split; `test-mrs` is testset.csv (MRs only, header `MR`). */
export const e2eFiles = {
  train: 'trainset.csv',
  dev: 'devset.csv',
  test: 'testset_w_refs.csv',
  'test-mrs': 'testset.csv',
} as const;

/** Cleaned E2E files per split (the cleaned training file could not be obtained here). */
export const e2eCleanedFiles = {
  train: 'train-fixed.no-ol.csv',
  dev: 'devel-fixed.no-ol.csv',
  test: 'test-fixed.csv',
} as const;

/** Reads one E2E split. */
export function readE2ESplit(
  source: DataSource,
  split: keyof typeof e2eFiles,
  options: Policy = {},
): RecordStream<E2ERecord> {
  const path = e2eFiles[split];
  return readE2E(source.readText(path), { ...options, file: source.describe(path) });
}

/** Reads one cleaned-E2E split. */
export function readE2ECleanedSplit(
  source: DataSource,
  split: keyof typeof e2eCleanedFiles,
  options: Policy = {},
): RecordStream<E2ERecord> {
  const path = e2eCleanedFiles[split];
  return readE2E(source.readText(path), { ...options, file: source.describe(path) });
}

/** Python's `sorted()` on ASCII paths: plain code-unit order. */
function pythonSorted(paths: string[]): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The XML files of a WebNLG train or dev split in the order `dev.json` was built from them,
 * `sorted(glob('dev/*\/*.xml'))` (webnlg/SOURCE.md): size folder 1–7, then file name.
 */
export function webnlgSplitFiles(split: 'train' | 'dev'): string[] {
  return pythonSorted(
    dataManifest['webnlg-2017']
      .map((file) => file.path)
      .filter((path) => path.startsWith(`${split}/`) && path.endsWith('.xml')),
  );
}

/**
 * Reads a WebNLG 2017 split from the XML: train and dev concatenate their 52 files in the
 * official order; test reads `test/testdata_with_lex.xml` and keeps the `all` (default),
 * `seen` or `unseen` categories. `format: 'json'` reads the paper's `{split}.json` instead.
 */
export function readWebNLGSplit(
  source: DataSource,
  split: 'train' | 'dev' | 'test',
  options: Policy & {
    subset?: WebNLGTestSubset;
    format?: 'xml' | 'json';
    /** Override the XML files of train/dev (e.g. a partial copy); kept in the given order. */
    paths?: readonly string[];
  } = {},
): RecordStream<WebNLGEntry> {
  const subset = options.subset ?? 'all';
  if (subset !== 'all' && split !== 'test') {
    throw new DatasetOptionError(
      'subset',
      "'all' for train and dev (only test has unseen categories)",
      subset,
    );
  }
  const paths =
    options.format === 'json'
      ? [`${split}.json`]
      : split === 'test'
        ? ['test/testdata_with_lex.xml']
        : (options.paths ?? webnlgSplitFiles(split));
  const read = options.format === 'json' ? readWebNLGJson : readWebNLG;
  const file = paths.length === 1 ? source.describe(paths[0]!) : source.describe(`${split}/`);
  return new RecordStream(
    async function* (): AsyncGenerator<WebNLGEntry | DataRecordError> {
      for (const path of paths) {
        const entries = read(source.readText(path), { file: source.describe(path) });
        for await (const entry of entries.withErrors()) {
          if ('category' in entry && !inWebNLGSubset(entry, subset)) continue;
          yield entry;
        }
      }
    },
    { ...options, file },
  );
}

/** DART files per split (train and the paper-era test JSON could not be obtained here). */
export function dartSplitFile(split: 'train' | 'dev' | 'test', format: 'json' | 'xml'): string {
  return `dart-v1.1.1-full-${split}.${format}`;
}

/** Reads a DART split (JSON by default, as the paper). */
export function readDartSplit(
  source: DataSource,
  split: 'train' | 'dev' | 'test',
  options: Policy & { format?: 'json' | 'xml' } = {},
): RecordStream<DartEntry> {
  const format = options.format ?? 'json';
  const path = dartSplitFile(split, format);
  const read = format === 'json' ? readDartJson : readDartXml;
  return read(source.readText(path), { ...options, file: source.describe(path) });
}

/** Reads an XSUM split from `{split}.source`/`{split}.target` or `{split}.jsonl`. */
export function readXsumSplit(
  source: DataSource,
  split: XsumSplit,
  options: Policy & { format?: 'lines' | 'jsonl' } = {},
): RecordStream<XsumRecord> {
  if (options.format === 'jsonl') {
    const path = `${split}.jsonl`;
    return readXsumJsonl(source.readText(path), { ...options, file: source.describe(path) });
  }
  return readXsumPairs(
    { source: source.readText(`${split}.source`), target: source.readText(`${split}.target`) },
    { ...options, file: source.describe(split) },
  );
}

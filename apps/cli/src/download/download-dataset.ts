// Downloads a data set's official files from its public home (@prefixkit/datasets' datasetInfo
// and checksum manifest) into a local folder laid out like the release, so `--data FOLDER`
// reads it. A file already there with the right SHA-256 is skipped, so an interrupted download
// resumes file by file. Offline, the error names where the file should be put.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import * as datasets from '@prefixkit/datasets';
import { createFileCache } from '@prefixkit/datasets/node';
import { DownloadOfflineError, UsageError } from '../errors';

export const downloadableDatasets = {
  e2e: 'e2e',
  'e2e-cleaned': 'e2e-cleaned',
  webnlg: 'webnlg-2017',
  dart: 'dart',
} as const;
export type DownloadableDataset = keyof typeof downloadableDatasets;

export interface DatasetDownload {
  dataset: string;
  folder: string;
  files: { path: string; bytes: number; cached: boolean }[];
}

/** The default folder: PREFIXKIT_DATA_CACHE, else ~/.cache/prefixkit/datasets, then the id. */
export function datasetFolder(
  dataset: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  given?: string,
): string {
  if (given) return resolve(cwd, given);
  const root = env.PREFIXKIT_DATA_CACHE
    ? resolve(cwd, env.PREFIXKIT_DATA_CACHE)
    : join(homedir(), '.cache', 'prefixkit', 'datasets');
  return join(root, dataset);
}

export async function downloadDataset(options: {
  dataset: DownloadableDataset;
  folder: string;
  baseUrl?: string;
  files?: string[];
  offline: boolean;
  progress: (line: string, done?: boolean) => void;
}): Promise<DatasetDownload> {
  const id = downloadableDatasets[options.dataset];
  const manifest = datasets.dataManifest[id];
  const wanted = options.files ?? manifest.map((file) => file.path);
  const unknown = wanted.filter((path) => !manifest.some((file) => file.path === path));
  if (unknown.length > 0)
    throw new UsageError(
      'CLI_BAD_OPTION_VALUE',
      `--files: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a file of ${options.dataset}; its files: ${manifest
        .map((file) => file.path)
        .slice(0, 6)
        .join(', ')}${manifest.length > 6 ? ', ...' : ''}`,
    );
  const cache = createFileCache(options.folder);
  const offlineFetch = async () => {
    throw new Error('offline');
  };
  const source = {
    fetch: options.offline ? offlineFetch : (url: string) => fetch(url),
    baseUrl: options.baseUrl ?? datasets.datasetInfo[id].publicBaseUrl!,
    files: manifest,
    cache,
  };
  const files: DatasetDownload['files'] = [];
  for (const [index, path] of wanted.entries()) {
    const known = manifest.find((file) => file.path === path)!;
    const before = await cache.read(path);
    const cached = before !== undefined && (await datasets.sha256Hex(before)) === known.sha256;
    options.progress(
      `${options.dataset}: [${index + 1}/${wanted.length}] ${path} (${(known.bytes / 2 ** 20).toFixed(2)} MiB)${cached ? ' cached' : ''}`,
      index + 1 === wanted.length,
    );
    try {
      const bytes = await datasets.fetchDataFile(path, source);
      files.push({ path, bytes: bytes.length, cached });
    } catch (error) {
      if ((error as { code?: string }).code === 'DATASET_NOT_FOUND')
        throw new DownloadOfflineError(
          `${options.dataset}: cannot download ${path} (${options.offline ? 'offline' : 'network unreachable'}) and it is not at ${cache.locate(path)}; put the official file there, or retry online`,
          { cause: error },
        );
      throw error;
    }
  }
  return { dataset: options.dataset, folder: options.folder, files };
}

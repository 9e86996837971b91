// The code of `prefixkit download`, loaded only when the command runs.
import { hubRepoId } from '@prefixkit/gpt2/node';
import type { CommandRun } from '../command';
import type { DatasetDownload, DownloadableDataset } from '../download/download-dataset';
import { datasetFolder, downloadDataset } from '../download/download-dataset';
import type { ModelDownload } from '../download/download-model';
import { downloadModel } from '../download/download-model';
import { UsageError } from '../errors';
import { formatBytes } from '../render';

export interface DownloadOptions {
  model?: string;
  revision: string;
  dataset?: DownloadableDataset;
  folder?: string;
  files?: string[];
  baseUrl?: string;
  offline: boolean;
}

export type DownloadResult =
  | { kind: 'model'; model: ModelDownload }
  | { kind: 'dataset'; dataset: DatasetDownload };

const truthy = new Set(['1', 'on', 'yes', 'true']);

export const downloadRun: CommandRun<DownloadOptions, DownloadResult> = async (
  options,
  context,
) => {
  if ((options.model === undefined) === (options.dataset === undefined))
    throw new UsageError(
      options.model === undefined ? 'CLI_MISSING_OPTION' : 'CLI_BAD_OPTION_VALUE',
      'give exactly one of --model ID or --dataset NAME',
    );
  const offline =
    options.offline ||
    truthy.has((context.env.PREFIXKIT_OFFLINE ?? '').toLowerCase()) ||
    truthy.has((context.env.HF_HUB_OFFLINE ?? '').toLowerCase());
  if (options.model !== undefined) {
    const repoId = hubRepoId(options.model);
    const model = await downloadModel({
      repoId,
      revision: options.revision,
      env: context.env,
      offline,
      progress: context.progress,
    });
    const lines = [
      `${repoId}@${options.revision}: ${model.snapshot}`,
      ...model.files.map((file) => `  ${file.name.padEnd(22)} ${formatBytes(file.bytes)}`),
    ];
    return { value: { kind: 'model', model }, text: `${lines.join('\n')}\n` };
  }
  const folder = datasetFolder(options.dataset!, context.env, context.cwd, options.folder);
  const dataset = await downloadDataset({
    dataset: options.dataset!,
    folder,
    offline,
    progress: context.progress,
    ...(options.files ? { files: options.files } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const lines = [
    `${dataset.dataset}: ${folder} (use --data ${folder})`,
    ...dataset.files.map(
      (file) =>
        `  ${file.path.padEnd(40)} ${formatBytes(file.bytes)}${file.cached ? ' (cached)' : ''}`,
    ),
  ];
  return { value: { kind: 'dataset', dataset }, text: `${lines.join('\n')}\n` };
};

// `prefixkit download`: a GPT-2 from the Hugging Face hub into its cache (shared with Python's
// huggingface_hub; a cut transfer resumes), or a data set's official files into a folder that
// `--data` reads, with progress on stderr. Offline without a cached copy: exit 7, naming the path.
import { defineCommand } from '../command';
import type { DatasetDownload, DownloadableDataset } from '../download/download-dataset';
import type { ModelDownload } from '../download/download-model';
import { UsageError } from '../errors';
import { formatBytes } from '../render';

interface DownloadOptions {
  model?: string;
  revision: string;
  dataset?: DownloadableDataset;
  folder?: string;
  files?: string[];
  baseUrl?: string;
  offline: boolean;
}

type DownloadResult =
  | { kind: 'model'; model: ModelDownload }
  | { kind: 'dataset'; dataset: DatasetDownload };

const truthy = new Set(['1', 'on', 'yes', 'true']);

export const downloadCommand = defineCommand<DownloadOptions, DownloadResult>({
  name: 'download',
  summary: 'Download a GPT-2 (hub cache) or a data set (official files) with progress and resume.',
  description: [
    'Models go to the Hugging Face cache (HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub; HF_ENDPOINT, HF_TOKEN).',
    'Data sets go to --folder (default PREFIXKIT_DATA_CACHE or ~/.cache/prefixkit/datasets, then the name); pass it as --data.',
    'Offline (--offline, HF_HUB_OFFLINE=1 or PREFIXKIT_OFFLINE=1) only cached copies are used.',
  ].join('\n'),
  schema: {
    type: 'object',
    properties: {
      model: {
        type: 'string',
        description: 'A hub id: gpt2, gpt2-medium, openai-community/gpt2-large, org/name.',
        'x-placeholder': 'ID',
      },
      revision: {
        type: 'string',
        description: 'Branch, tag or commit of the model.',
        default: 'main',
      },
      dataset: {
        type: 'string',
        description: 'A data set with a public home (XSUM articles are not distributed).',
        enum: ['e2e', 'e2e-cleaned', 'webnlg', 'dart'],
      },
      folder: {
        type: 'string',
        description: 'Where the data set files go.',
        'x-path': true,
        'x-placeholder': 'DIR',
      },
      files: {
        type: 'array',
        description:
          'Only these files of the data set (paths as in its release, e.g. testset.csv).',
        items: { type: 'string' },
        'x-placeholder': 'LIST',
      },
      baseUrl: {
        type: 'string',
        description: "A mirror of the data set's folder (default: its public home).",
        'x-placeholder': 'URL',
      },
      offline: { type: 'boolean', description: 'Never use the network.', default: false },
    },
    additionalProperties: false,
  },
  examples: [
    'prefixkit download --model gpt2-medium',
    'prefixkit download --dataset e2e',
    'prefixkit download --dataset webnlg --folder data/webnlg',
  ],
  async run(options, context) {
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
      const { downloadModel } = await import('../download/download-model');
      const { hubRepoId } = await import('../runtime/load-model');
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
    const { datasetFolder, downloadDataset } = await import('../download/download-dataset');
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
  },
});

// `prefixkit download`: a GPT-2 from the Hugging Face hub into its cache (shared with Python's
// huggingface_hub; a cut transfer resumes), or a data set's official files into a folder that
// `--data` reads, with progress on stderr. Offline without a cached copy: exit 7, naming the path.
import { defineCommand } from '../command';
import type { DownloadOptions, DownloadResult } from './download';

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
        maxItems: 1_000,
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
  load: async () => (await import('./download')).downloadRun,
});

// Downloads a GPT-2 from the Hugging Face hub into huggingface_hub's cache layout through
// @prefixkit/gpt2/node (which resumes a cut transfer from its `.incomplete` file with a Range
// request and verifies size and hash). The gpt2 package reports no progress, so the bytes are
// read off the growing `.incomplete` files of the repository's blobs/ folder twice a second.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '@prefixkit/gpt2';
import { hubDownload, repoFolderName, resolveHubSettings } from '@prefixkit/gpt2/node';

export interface ModelDownload {
  repoId: string;
  revision: string;
  snapshot: string;
  files: { name: string; path: string; bytes: number }[];
}

const required = ['config.json', 'model.safetensors'];
const optional = ['vocab.json', 'merges.txt', 'tokenizer.json', 'generation_config.json'];

function partialBytes(blobs: string): number {
  if (!existsSync(blobs)) return 0;
  return readdirSync(blobs)
    .filter((name) => name.endsWith('.incomplete'))
    .reduce((total, name) => total + statSync(join(blobs, name)).size, 0);
}

/** Downloads (or finds cached) the model files; `progress` gets a line per update. */
export async function downloadModel(options: {
  repoId: string;
  revision: string;
  env: NodeJS.ProcessEnv;
  offline: boolean;
  progress: (line: string, done?: boolean) => void;
}): Promise<ModelDownload> {
  const settings = resolveHubSettings({
    env: options.env,
    ...(options.offline ? { offline: true } : {}),
  });
  const blobs = join(settings.cacheDir, repoFolderName(options.repoId), 'blobs');
  const files: ModelDownload['files'] = [];
  for (const name of [...required, ...optional]) {
    const timer = setInterval(() => {
      const bytes = partialBytes(blobs);
      if (bytes > 0)
        options.progress(`${options.repoId}: ${name} ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    }, 500);
    try {
      const path = await hubDownload({
        repoId: options.repoId,
        filename: name,
        revision: options.revision,
        env: options.env,
        ...(options.offline ? { offline: true } : {}),
      });
      const bytes = statSync(path).size;
      files.push({ name, path, bytes });
      options.progress(`${options.repoId}: ${name} ${(bytes / 2 ** 20).toFixed(1)} MiB done`, true);
    } catch (error) {
      const missingOptional =
        optional.includes(name) &&
        error instanceof HubError &&
        (error.code === 'HUB_NOT_FOUND' || error.code === 'HUB_OFFLINE');
      if (!missingOptional) throw error;
    } finally {
      clearInterval(timer);
    }
  }
  const first = files[0]!;
  return {
    repoId: options.repoId,
    revision: options.revision,
    snapshot: first.path.slice(0, first.path.length - first.name.length - 1),
    files,
  };
}

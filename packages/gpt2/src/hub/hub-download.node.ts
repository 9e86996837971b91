// Downloads files of a Hugging Face hub repository into huggingface_hub's cache layout
// (cache-layout.node.ts), so Python and prefixkit share downloads. Offline mode and network
// failures fall back to the cache; a missing cache entry in offline mode is a typed error
// naming the path that was looked for. As in huggingface_hub: a 404 for a file leaves an empty
// `.no_exist/{commit}/{file}` marker (so offline calls know it is absent), and one blob is
// downloaded by one caller at a time (blob-lock.node.ts); others wait, then reuse it.
import { mkdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { temporarySibling, writeFileAtomic } from '@prefixkit/errors/node';
import { HubError } from '../errors';
import { blobLockPath, withBlobLock } from './blob-lock.node.js';
import {
  findCachedFile,
  isCommitHash,
  type RepoCachePaths,
  repoCachePaths,
} from './cache-layout.node.js';
import { downloadBlob } from './download-blob.node.js';
import { fetchHubFileMetadata } from './hub-metadata.node.js';
import { type HubOptions, resolveHubSettings } from './hub-settings.node.js';

export interface HubFileRequest extends HubOptions {
  /** `org/name`, e.g. `openai-community/gpt2`. */
  repoId: string;
  /** Path inside the repository, e.g. `model.safetensors`. */
  filename: string;
  /** Branch, tag or commit (default `main`). */
  revision?: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Points `link` at `target` with a relative symlink, replacing any old link atomically. */
async function linkInto(link: string, target: string): Promise<void> {
  await mkdir(dirname(link), { recursive: true });
  const wanted = relative(dirname(link), target);
  if ((await readlink(link).catch(() => undefined)) === wanted) return;
  const temporary = temporarySibling(link);
  await symlink(wanted, temporary);
  await rename(temporary, link).catch(async (error: unknown) => {
    await rm(temporary, { force: true });
    throw error;
  });
}

/** refs/{branch or tag} records the commit it resolved to (a commit id needs no ref). */
async function recordRef(paths: RepoCachePaths, revision: string, commit: string): Promise<void> {
  if (isCommitHash(revision)) return;
  await mkdir(dirname(paths.ref(revision)), { recursive: true });
  await writeFileAtomic(paths.ref(revision), commit);
}

/**
 * Returns the local path of a hub file, downloading it into the cache when needed.
 * @example const path = await hubDownload({ repoId: 'openai-community/gpt2', filename: 'config.json' });
 */
export async function hubDownload(request: HubFileRequest): Promise<string> {
  const settings = resolveHubSettings(request);
  const revision = request.revision ?? 'main';
  const { repoId, filename } = request;
  const what = `${repoId}@${revision}/${filename}`;
  const paths = repoCachePaths(settings.cacheDir, repoId);

  const fromCache = async (reason: string, cause?: unknown): Promise<string> => {
    const cached = await findCachedFile(paths, revision, filename);
    if (cached.found) return cached.path;
    if (cached.knownMissing) {
      throw new HubError(
        'HUB_NOT_FOUND',
        `${what}: the hub has no such file at this revision (cached answer ${cached.path}; ${reason})`,
        { path: cached.path },
        { cause },
      );
    }
    throw new HubError(
      'HUB_OFFLINE',
      `${what}: ${reason}, and it is not in the cache (looked for ${cached.path})`,
      { path: cached.path },
      { cause },
    );
  };
  if (settings.offline) return fromCache('offline mode (HF_HUB_OFFLINE)');

  const url = `${settings.endpoint}/${repoId}/resolve/${encodeURIComponent(revision)}/${filename}`;
  let answer: Awaited<ReturnType<typeof fetchHubFileMetadata>>;
  try {
    answer = await fetchHubFileMetadata(url, settings.token, what);
  } catch (error) {
    // Like huggingface_hub: an unreachable hub is not fatal when the file is cached.
    if (error instanceof HubError && error.code === 'HUB_HTTP' && error.status === undefined) {
      return fromCache('the hub cannot be reached', error);
    }
    throw error;
  }
  if ('missing' in answer) {
    if (answer.commit !== undefined) {
      await recordRef(paths, revision, answer.commit);
      const marker = paths.noExist(answer.commit, filename);
      await mkdir(dirname(marker), { recursive: true });
      await writeFile(marker, '');
    }
    throw answer.error;
  }
  const metadata = answer;
  await recordRef(paths, revision, metadata.commit);
  const pointer = paths.snapshot(metadata.commit, filename);
  const blob = paths.blob(metadata.etag);
  if (!(await exists(blob))) {
    await withBlobLock(
      blobLockPath(settings.cacheDir, repoId, metadata.etag),
      async () => {
        // Another caller may have finished this blob while we waited for the lock.
        if (await exists(blob)) return;
        await downloadBlob({
          url: metadata.downloadUrl,
          blobPath: blob,
          etag: metadata.etag,
          size: metadata.size,
          token: settings.token,
          what,
        });
      },
      request.lock,
    );
  }
  await linkInto(pointer, blob);
  return pointer;
}

export interface HubSnapshotRequest extends HubOptions {
  repoId: string;
  revision?: string;
  /** Files that must exist. */
  files: string[];
  /** Files downloaded when the repository has them (404 is ignored). */
  optionalFiles?: string[];
}

/**
 * Downloads several files of one revision; returns the snapshot folder that holds them.
 * @example const dir = await hubDownloadSnapshot({ repoId: 'openai-community/gpt2', files: ['config.json', 'model.safetensors'] });
 */
export async function hubDownloadSnapshot(request: HubSnapshotRequest): Promise<string> {
  const { files, optionalFiles = [], ...rest } = request;
  let folder: string | undefined;
  for (const filename of files) {
    const path = await hubDownload({ ...rest, filename });
    folder ??= path.slice(0, path.length - filename.length - 1);
  }
  for (const filename of optionalFiles) {
    await hubDownload({ ...rest, filename }).catch((error: unknown) => {
      if (
        !(
          error instanceof HubError &&
          (error.code === 'HUB_NOT_FOUND' || error.code === 'HUB_OFFLINE')
        )
      )
        throw error;
    });
  }
  if (folder === undefined) throw new HubError('HUB_HTTP', `${request.repoId}: no files requested`);
  return folder;
}

/**
 * Downloads a GPT-2 checkpoint (config, safetensors weights, tokenizer files if present);
 * returns the snapshot folder, readable with readGpt2CheckpointDirectory.
 */
export function downloadGpt2(
  options: HubOptions & { repoId?: string; revision?: string } = {},
): Promise<string> {
  return hubDownloadSnapshot({
    ...options,
    repoId: options.repoId ?? 'openai-community/gpt2',
    files: ['config.json', 'model.safetensors'],
    optionalFiles: ['vocab.json', 'merges.txt', 'tokenizer.json', 'generation_config.json'],
  });
}

// The cache layout of huggingface_hub (file_download.py), so downloads are shared with Python:
//   {cacheDir}/models--{org}--{name}/blobs/{etag}               file contents, by etag
//   {cacheDir}/models--{org}--{name}/snapshots/{commit}/{file}   relative symlink to the blob
//   {cacheDir}/models--{org}--{name}/refs/{revision}             the commit a branch/tag points to
//   {cacheDir}/models--{org}--{name}/.no_exist/{commit}/{file}   empty: the hub said 404 for it
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** `openai-community/gpt2` -> `models--openai-community--gpt2`. */
export function repoFolderName(repoId: string): string {
  return ['models', ...repoId.split('/')].join('--');
}

/** A full 40-hex git commit id (used directly, with no refs file). */
export function isCommitHash(revision: string): boolean {
  return /^[0-9a-f]{40}$/.test(revision);
}

export interface RepoCachePaths {
  root: string;
  blob(etag: string): string;
  snapshot(commit: string, filename: string): string;
  ref(revision: string): string;
  /** Empty marker: `filename` does not exist at `commit` (huggingface_hub's `.no_exist`). */
  noExist(commit: string, filename: string): string;
}

export function repoCachePaths(cacheDir: string, repoId: string): RepoCachePaths {
  const root = join(cacheDir, repoFolderName(repoId));
  return {
    root,
    blob: (etag) => join(root, 'blobs', etag),
    snapshot: (commit, filename) => join(root, 'snapshots', commit, ...filename.split('/')),
    ref: (revision) => join(root, 'refs', ...revision.split('/')),
    noExist: (commit, filename) => join(root, '.no_exist', commit, ...filename.split('/')),
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The cached snapshot path of a file for a revision, or the path that was looked for (with
 * `found: false`) when the ref or file is not in the cache; `knownMissing` when a `.no_exist`
 * marker records that the hub has no such file at that commit.
 */
export async function findCachedFile(
  paths: RepoCachePaths,
  revision: string,
  filename: string,
): Promise<{ found: boolean; path: string; knownMissing?: boolean }> {
  let commit = revision;
  if (!isCommitHash(revision)) {
    const ref = paths.ref(revision);
    try {
      commit = (await readFile(ref, 'utf8')).trim();
    } catch {
      return { found: false, path: ref };
    }
  }
  const path = paths.snapshot(commit, filename);
  if (await exists(path)) return { found: true, path };
  const marker = paths.noExist(commit, filename);
  if (await exists(marker)) return { found: false, path: marker, knownMissing: true };
  return { found: false, path };
}

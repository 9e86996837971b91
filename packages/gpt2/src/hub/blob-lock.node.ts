// A lock per blob, so two downloads of the same file (two promises or two processes) never
// write the same `.incomplete` file at once: the second waits, then finds the blob in place.
// Where: {cacheDir}/.locks/{models--org--name}/{etag}.prefixkit.lock, beside huggingface_hub's
// own `{etag}.lock` files (Python holds those with flock(2), which Node cannot take; they are
// left on disk after use, so we do not reuse their names). Protocol: the lock file is created
// with O_EXCL and holds {pid, host}; its mtime is refreshed while held. A lock whose process is
// gone (same host) or whose mtime is older than `staleMs` is taken over.
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { HubError } from '../errors';
import { repoFolderName } from './cache-layout.node.js';

export interface BlobLockOptions {
  /** Give up waiting after this long (default 30 minutes). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is stale (default 60 s; refreshed every staleMs/4). */
  staleMs?: number;
  /** Poll interval while waiting (default 100 ms). */
  pollMs?: number;
}

/** `{cacheDir}/.locks/{repo folder}/{etag}.prefixkit.lock`. */
export function blobLockPath(cacheDir: string, repoId: string, etag: string): string {
  return join(cacheDir, '.locks', repoFolderName(repoId), `${etag}.prefixkit.lock`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock at `path` belongs to nobody alive (or is unreadable and old). */
async function isStale(path: string, staleMs: number): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    const owner = JSON.parse(text) as { pid?: unknown; host?: unknown };
    return owner.host === hostname() && typeof owner.pid === 'number' && !processAlive(owner.pid);
  } catch {
    // Half-written by its creator a moment ago, or removed meanwhile: not ours to judge yet.
    return false;
  }
}

/**
 * Runs `work` holding the lock of one blob; waits while another holder has it.
 * @example await withBlobLock(lockPath, () => downloadBlob(...));
 */
export async function withBlobLock<T>(
  path: string,
  work: () => Promise<T>,
  options: BlobLockOptions = {},
): Promise<T> {
  const { timeoutMs = 30 * 60_000, staleMs = 60_000, pollMs = 100 } = options;
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  const owner = JSON.stringify({ pid: process.pid, host: hostname() });
  for (;;) {
    try {
      await writeFile(path, owner, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(path, staleMs)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new HubError(
        'HUB_LOCKED',
        `waited ${Math.round(timeoutMs / 1000)} s for ${path}, held by another download; remove it if no download is running`,
        { path },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => {});
  }, staleMs / 4);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await rm(path, { force: true });
  }
}

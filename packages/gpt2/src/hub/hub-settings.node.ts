// Where the Hugging Face hub and its cache are, read from the same environment variables as
// huggingface_hub (constants.py): HF_ENDPOINT, HF_HOME, HF_HUB_CACHE, HF_HUB_OFFLINE, HF_TOKEN,
// and, when HF_TOKEN is unset, the token file that `huggingface-cli login` writes
// (HF_TOKEN_PATH, default $HF_HOME/token).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { BlobLockOptions } from './blob-lock.node.js';

export interface HubSettings {
  /** Base URL, no trailing slash. */
  endpoint: string;
  /** The `hub` cache folder holding `models--{org}--{name}` folders. */
  cacheDir: string;
  /** Never touch the network; only the cache. */
  offline: boolean;
  /** Bearer token for private or gated repositories. */
  token: string | undefined;
}

export interface HubOptions {
  /** Overrides HF_ENDPOINT. */
  endpoint?: string;
  /** Overrides HF_HUB_CACHE / HF_HOME. */
  cacheDir?: string;
  /** Overrides HF_HUB_OFFLINE. */
  offline?: boolean;
  /** Overrides HF_TOKEN and the token file. */
  token?: string;
  /** Waiting for another download of the same blob (timeout, staleness, poll interval). */
  lock?: BlobLockOptions;
  /** Environment to read (default `process.env`). */
  env?: Record<string, string | undefined>;
}

const truthy = new Set(['1', 'on', 'yes', 'true']);

/** The saved login token: HF_TOKEN_PATH or $HF_HOME/token, trimmed; undefined if absent or empty. */
function tokenFromFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Resolves settings: explicit options, then environment variables, then HF's defaults. */
export function resolveHubSettings(options: HubOptions = {}): HubSettings {
  const env = options.env ?? process.env;
  const hfHome =
    env.HF_HOME ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'huggingface');
  const endpoint = (options.endpoint ?? env.HF_ENDPOINT ?? 'https://huggingface.co').replace(
    /\/+$/,
    '',
  );
  return {
    endpoint,
    cacheDir: options.cacheDir ?? env.HF_HUB_CACHE ?? join(hfHome, 'hub'),
    offline: options.offline ?? truthy.has((env.HF_HUB_OFFLINE ?? '').trim().toLowerCase()),
    token:
      options.token ??
      (env.HF_TOKEN?.trim() || undefined) ??
      tokenFromFile(env.HF_TOKEN_PATH ?? join(hfHome, 'token')),
  };
}

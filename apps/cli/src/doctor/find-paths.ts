// Where prefixkit looks for models and data: the Hugging Face hub cache (HF_HUB_CACHE, else
// HF_HOME/hub, else ~/.cache/huggingface/hub, as huggingface_hub and @prefixkit/gpt2 resolve it)
// and the shared data folder (PREFIXKIT_SHARED_DATA, else <repo>/../shared/data).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveHubSettings } from '@prefixkit/gpt2/node';

export interface HubCacheReport {
  path: string;
  /** Which variable decided the path. */
  from: 'HF_HUB_CACHE' | 'HF_HOME' | 'default';
  exists: boolean;
  /** HF_HUB_OFFLINE: only the cache is used, never the network. */
  offline: boolean;
  /** Model ids cached there (`models--openai-community--gpt2` -> `openai-community/gpt2`). */
  models: string[];
}

export interface DataReport {
  path: string;
  from: 'PREFIXKIT_SHARED_DATA' | 'repository';
  exists: boolean;
  /** Data set folders found there (e2e, webnlg, dart, xsum, ...). */
  datasets: string[];
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The hub cache folder (resolved by @prefixkit/gpt2, as downloads will) and the models in it. */
export function findHubCache(env: NodeJS.ProcessEnv): HubCacheReport {
  const settings = resolveHubSettings({ env });
  const path = resolve(settings.cacheDir);
  const from: HubCacheReport['from'] = env.HF_HUB_CACHE
    ? 'HF_HUB_CACHE'
    : env.HF_HOME
      ? 'HF_HOME'
      : 'default';
  const exists = isDirectory(path);
  const models = exists
    ? readdirSync(path)
        .filter((name) => name.startsWith('models--'))
        .map((name) => name.slice('models--'.length).split('--').join('/'))
        .sort()
    : [];
  return { path, from, exists, offline: settings.offline, models };
}

/** The shared data folder and the data sets in it. */
export function findSharedData(env: NodeJS.ProcessEnv, repoRoot: string): DataReport {
  const fromEnv = Boolean(env.PREFIXKIT_SHARED_DATA);
  const path = fromEnv
    ? resolve(env.PREFIXKIT_SHARED_DATA!)
    : resolve(repoRoot, '..', 'shared', 'data');
  const exists = isDirectory(path);
  const datasets = exists
    ? readdirSync(path)
        .filter((name) => isDirectory(join(path, name)))
        .sort()
    : [];
  return { path, from: fromEnv ? 'PREFIXKIT_SHARED_DATA' : 'repository', exists, datasets };
}

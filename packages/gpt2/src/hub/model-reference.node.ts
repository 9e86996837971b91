// What a model reference names: a folder with config.json + model.safetensors (Hugging Face's
// save_pretrained layout, a hub snapshot), or a hub id (`gpt2-medium`, `openai-community/gpt2`),
// with GPT-2's bare names mapped to the repositories they live in now. The CLI and the server
// read `--model` through this, so a name means the same model (and the same cache folder) in both.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';

export type ModelSource = { kind: 'folder'; path: string } | { kind: 'hub'; repoId: string };

const bareHubNames = new Set(['gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl', 'distilgpt2']);

/** The hub repository of a model name: GPT-2's bare names live under openai-community/. */
export function hubRepoId(name: string): string {
  return bareHubNames.has(name) ? `openai-community/${name}` : name;
}

/** Whether a reference that names nothing on disk was meant as a path (never a hub id). */
function looksLikePath(reference: string): boolean {
  return /^[.~/]/.test(reference) || reference.split('/').length > 2;
}

/**
 * `reference` as a folder (when it exists, resolved against `cwd`) or a hub id. A path that does
 * not exist, or a file or folder without config.json, is a FileNotFoundError naming it.
 */
export function resolveModelReference(reference: string, cwd: string): ModelSource {
  const path = resolve(cwd, reference);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory() || !existsSync(join(path, 'config.json')))
      throw new FileNotFoundError(
        join(path, 'config.json'),
        'A model folder holds config.json and model.safetensors (Hugging Face layout).',
      );
    return { kind: 'folder', path };
  }
  if (looksLikePath(reference))
    throw new FileNotFoundError(
      path,
      'Pass a model folder (config.json + model.safetensors) or a hub id such as gpt2-medium.',
    );
  return { kind: 'hub', repoId: hubRepoId(reference) };
}

// Finds and loads the GPT-2 a command runs on: a folder with config.json + model.safetensors
// (Hugging Face's save_pretrained layout, a hub snapshot, or models/prefixkit-tiny), or a hub id
// (`gpt2-medium`, `openai-community/gpt2`), downloaded into the Hugging Face cache on first use.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { Gpt2Model, type Gpt2Tokenizer } from '@prefixkit/gpt2';
import * as node from '@prefixkit/gpt2/node';
import type { Backend } from '@prefixkit/tensor';
import { repoRootGuess } from '../paths';

/** The embedded default model, shipped in the repository. */
export const defaultModelName = 'prefixkit-tiny';

/** Where the embedded default model lives in the repository. */
export const defaultModelDir = join(repoRootGuess, 'models', defaultModelName);

/**
 * Reads `reference` as the embedded default model (by its name), a folder or a hub id
 * (`resolveModelReference`, which the server shares).
 */
export function resolveModelSource(reference: string, cwd: string): node.ModelSource {
  if (reference === defaultModelName && existsSync(join(defaultModelDir, 'config.json')))
    return { kind: 'folder', path: defaultModelDir };
  if (reference === defaultModelName && !existsSync(resolve(cwd, reference)))
    throw new FileNotFoundError(
      join(defaultModelDir, 'config.json'),
      'The embedded default model has not been added to models/ yet; pass --model FOLDER or a hub id.',
    );
  return node.resolveModelReference(reference, cwd);
}

export interface LoadedModel {
  model: Gpt2Model;
  /** What the user named, for reports and base_model_name_or_path. */
  name: string;
  /** The folder the weights were read from (a hub snapshot for hub ids). */
  folder: string;
}

/** Loads the model onto `backend`, downloading a hub model into the cache if needed. */
export async function loadModel(
  reference: string,
  options: { backend: Backend; cwd: string; env: NodeJS.ProcessEnv },
): Promise<LoadedModel> {
  const source = resolveModelSource(reference, options.cwd);
  const folder =
    source.kind === 'folder'
      ? source.path
      : await node.downloadGpt2({ repoId: source.repoId, env: options.env });
  const stream = await node.openGpt2CheckpointDirectory(folder);
  try {
    const model = await Gpt2Model.fromCheckpoint(stream, { backend: options.backend });
    return { model, name: source.kind === 'hub' ? source.repoId : reference, folder };
  } finally {
    await stream.close();
  }
}

/**
 * The tokenizer of a loaded model: the one its folder ships (tokenizer.json, or vocab.json +
 * merges.txt), else GPT-2's own; either way checked against the model's vocabulary and end token.
 */
export function loadModelTokenizer(loaded: LoadedModel): Promise<Gpt2Tokenizer> {
  return node.loadModelFolderTokenizer(loaded.folder, loaded.model.config);
}

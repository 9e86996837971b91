// The Node entry of @prefixkit/peft (`@prefixkit/peft/node`): method and checkpoint files on
// disk. Every file is written to a temporary name and renamed; a checkpoint is written as a
// temporary directory renamed into place, then `latest` is updated, so a crash never leaves a
// half-written checkpoint under its final name.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { assertRegularFile, writeFileAtomic } from '@prefixkit/errors/node';
import { bufferByteSource, type Gpt2Model } from '@prefixkit/gpt2';
import { PeftFormatError } from './errors';
import { loadPeft } from './formats/load-peft';
import { type SaveOptions, savePeft } from './formats/save-peft';
import type { PeftModel } from './peft-model';
import { type CheckpointFiles, checkpointFormat } from './trainer/checkpoint';

/** The shared atomic write (`@prefixkit/errors/node`), under the name this entry has exported. */
export { writeFileAtomic as writeFileAtomically } from '@prefixkit/errors/node';

async function readOrExplain(path: string, hint: string): Promise<Buffer> {
  assertRegularFile(path, hint);
  try {
    return await readFile(path);
  } catch (error) {
    throw new FileNotFoundError(path, hint, { cause: error });
  }
}

/** Saves a method as adapter_config.json + adapter_model.safetensors in `directory`. */
export async function savePeftDirectory(
  peft: PeftModel,
  directory: string,
  options: SaveOptions = {},
): Promise<void> {
  await mkdir(directory, { recursive: true });
  const files = await savePeft(peft, options);
  for (const [name, data] of Object.entries(files))
    await writeFileAtomic(join(directory, name), data);
}

/** Loads a method saved by savePeftDirectory or by Hugging Face PEFT's save_pretrained. */
export async function loadPeftDirectory(base: Gpt2Model, directory: string): Promise<PeftModel> {
  const hint = 'Expected a directory with adapter_config.json and adapter_model.safetensors.';
  const config = (await readOrExplain(join(directory, 'adapter_config.json'), hint)).toString(
    'utf8',
  );
  const weightsFile = join(directory, 'adapter_model.safetensors');
  // A named source, so errors about the weights give the file's full path.
  const weights = bufferByteSource(
    new Uint8Array(await readOrExplain(weightsFile, hint)),
    weightsFile,
  );
  return loadPeft(base, { config, weights });
}

/**
 * A `saveCheckpoint` callback for the Trainer: writes `<root>/step-<n>/` atomically and points
 * `<root>/latest` at it.
 */
export function checkpointDirectoryWriter(
  root: string,
): (files: CheckpointFiles, step: number) => Promise<void> {
  return async (files, step) => {
    await mkdir(root, { recursive: true });
    const name = `step-${step}`;
    const temporary = join(root, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    await mkdir(temporary);
    try {
      for (const [file, data] of Object.entries(files))
        await writeFileAtomic(join(temporary, file), data);
    } catch (error) {
      // The previous checkpoint and `latest` are untouched; drop the half-written directory.
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
    await rm(join(root, name), { recursive: true, force: true });
    await rename(temporary, join(root, name));
    await writeFileAtomic(join(root, 'latest'), `${name}\n`);
  };
}

/** Throws PeftFormatError unless `text` is a trainer_state.json of ours (e.g. truncated). */
function checkStateFile(text: string, file: string): void {
  let state: { format?: unknown } | null;
  try {
    state = JSON.parse(text) as { format?: unknown } | null;
  } catch (error) {
    throw new PeftFormatError(file, 'contents', 'JSON', 'unparsable text', { cause: error });
  }
  if (state?.format !== checkpointFormat.name)
    throw new PeftFormatError(
      file,
      'field format',
      JSON.stringify(checkpointFormat.name),
      JSON.stringify(state?.format),
    );
}

/**
 * Reads the checkpoint `<root>/latest` names (for Trainer.restore). A missing `latest`,
 * directory or file throws FileNotFoundError; a trainer_state.json that is not a prefixkit
 * checkpoint's JSON throws PeftFormatError (naming the file).
 */
export async function readLatestCheckpoint(root: string): Promise<CheckpointFiles> {
  const hint = 'Expected a checkpoint directory written by checkpointDirectoryWriter.';
  const latest = (await readOrExplain(join(root, 'latest'), hint)).toString('utf8').trim();
  const directory = join(root, latest);
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    throw new FileNotFoundError(directory, hint, { cause: error });
  }
  const read = async (file: string) => {
    if (!names.includes(file)) throw new FileNotFoundError(join(directory, file), hint);
    return readFile(join(directory, file));
  };
  const state = (await read('trainer_state.json')).toString('utf8');
  checkStateFile(state, join(directory, 'trainer_state.json'));
  return {
    'trainer_state.json': state,
    'trainable.safetensors': new Uint8Array(await read('trainable.safetensors')),
    'optimizer.safetensors': new Uint8Array(await read('optimizer.safetensors')),
  };
}

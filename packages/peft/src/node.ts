// The Node entry of @prefixkit/peft (`@prefixkit/peft/node`): method and checkpoint files on
// disk. Every file is written to a temporary name and renamed; checkpoints are in
// trainer/checkpoint-directory.node.ts. Imports of `*.node.ts` files are spelled `*.node.js`:
// tsup treats a path ending in `.node` as a native addon.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileNotFoundError, fileSystemErrorFrom } from '@prefixkit/errors';
import { assertRegularFile, writeFileAtomic } from '@prefixkit/errors/node';
import { bufferByteSource, type Gpt2Model } from '@prefixkit/gpt2';
import { loadPeft } from './formats/load-peft';
import { type SaveOptions, savePeft } from './formats/save-peft';
import type { PeftModel } from './peft-model';

/** The shared atomic write (`@prefixkit/errors/node`), under the name this entry has exported. */
export { writeFileAtomic as writeFileAtomically } from '@prefixkit/errors/node';
export {
  type CheckpointDirectoryOptions,
  checkpointDirectoryWriter,
  readLatestCheckpoint,
} from './trainer/checkpoint-directory.node.js';

async function readOrExplain(path: string, hint: string): Promise<Buffer> {
  assertRegularFile(path, hint);
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT')
      throw fileSystemErrorFrom(error, { path }) ?? error;
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

// Node: GPT-2 checkpoints as directories holding config.json + model.safetensors, the layout of
// Hugging Face's save_pretrained and of a hub snapshot.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileNotFoundError } from '@prefixkit/errors';
import { assertRegularFile, writeFileAtomic } from '@prefixkit/errors/node';
import { fileByteSource } from '../safetensors/file-byte-source.node.js';
import { writeSafetensorsFile } from '../safetensors/safetensors-file.node.js';
import {
  type Gpt2Checkpoint,
  type Gpt2CheckpointStream,
  openGpt2Checkpoint,
  readGpt2Checkpoint,
} from './read-gpt2-checkpoint';
import { type Gpt2CheckpointToWrite, prepareGpt2Checkpoint } from './write-gpt2-checkpoint';

async function sourceOf(directory: string) {
  const configFile = join(directory, 'config.json');
  let config: string;
  assertRegularFile(configFile, 'Expected a GPT-2 config.json beside model.safetensors.');
  try {
    config = await readFile(configFile, 'utf8');
  } catch (cause) {
    throw new FileNotFoundError(
      configFile,
      'Expected a GPT-2 config.json beside model.safetensors.',
      { cause },
    );
  }
  return {
    config,
    configFile,
    weights: await fileByteSource(join(directory, 'model.safetensors')),
  };
}

/** Opens `directory`/{config.json, model.safetensors}, validates them, streams tensors on demand. */
export async function openGpt2CheckpointDirectory(
  directory: string,
): Promise<Gpt2CheckpointStream> {
  return openGpt2Checkpoint(await sourceOf(directory));
}

/**
 * Reads a GPT-2 checkpoint directory into memory.
 * @example const { config, parameters } = await readGpt2CheckpointDirectory(snapshotPath);
 */
export async function readGpt2CheckpointDirectory(directory: string): Promise<Gpt2Checkpoint> {
  return readGpt2Checkpoint(await sourceOf(directory));
}

/** Writes config.json and model.safetensors into `directory` (created), each atomically. */
export async function writeGpt2Checkpoint(
  directory: string,
  checkpoint: Gpt2CheckpointToWrite,
): Promise<void> {
  const weightsFile = join(directory, 'model.safetensors');
  const { configJson, tensors, metadata } = prepareGpt2Checkpoint(checkpoint, weightsFile);
  await mkdir(directory, { recursive: true });
  await writeSafetensorsFile(weightsFile, tensors, metadata);
  await writeFileAtomic(join(directory, 'config.json'), configJson);
}
